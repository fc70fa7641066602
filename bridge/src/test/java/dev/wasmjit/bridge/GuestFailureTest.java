package dev.wasmjit.bridge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way a guest call can fail, each followed by proof that the instance still works. */
class GuestFailureTest {

    @Test
    void guestErrorCarriesTheMessageWrittenToStderr() {
        try (TestReactor r = TestReactor.start()) {
            assertThatThrownBy(() -> r.fn("fail").callVoid())
                    .isExactlyInstanceOf(GuestError.class)
                    .hasMessage("something bad: x");
            assertThat(r.stderrText()).isEqualTo("error: something bad: x\n");
            assertStillWorks(r);
        }
    }

    @Test
    void unreachableIsATrapNamedUnreachable() {
        try (TestReactor r = TestReactor.start()) {
            assertThatThrownBy(() -> r.fn("crash").callVoid())
                    .isInstanceOfSatisfying(GuestTrap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.UNREACHABLE))
                    .hasMessageContaining("crash").hasMessageContaining("unreachable");
            assertStillWorks(r);
        }
    }

    @Test
    void deepRecursionIsAStackOverflowTrapNotAJvmCrash() {
        try (TestReactor r = TestReactor.start()) {
            assertThatThrownBy(() -> r.fn("recurse").callI32(1))
                    .isInstanceOfSatisfying(GuestTrap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.STACK_OVERFLOW))
                    .hasMessageContaining("stack overflow");
            assertStillWorks(r);
        }
    }

    @Test
    void loadOutsideMemoryIsAnOutOfBoundsTrap() {
        try (TestReactor r = TestReactor.start()) {
            assertThatThrownBy(() -> r.fn("outOfBounds").callI32())
                    .isInstanceOfSatisfying(GuestTrap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.MEMORY_OUT_OF_BOUNDS));
            assertStillWorks(r);
        }
    }

    @Test
    void anEndlessLoopEndsAtItsDeadline() {
        try (TestReactor r = TestReactor.start()) {
            GuestFunction spin = r.fn("spin").withDeadline(DeadlineBounds.SHORTEST);
            assertThat(DeadlineBounds.assertTimesOutAt(DeadlineBounds.SHORTEST, spin::callVoid))
                    .hasMessageContaining("deadline of 1000 ms exceeded");
            assertStillWorks(r);
        }
    }

    @Test
    void shadowStackPointerIsRestoredAfterATrap() {
        try (TestReactor r = TestReactor.start()) {
            int before = r.fn("stackPointer").callI32();
            assertThatThrownBy(() -> r.fn("pushFrameThenTrap").callVoid()).isInstanceOf(GuestTrap.class);
            assertThat(r.fn("stackPointer").callI32()).isEqualTo(before);
        }
    }

    @Test
    void aFailingHostFunctionTrapsWithItsExceptionAsCause() {
        HostFunction broken = new HostFunction("host_add", FuncSignature.i32(2, 1), (memory, args) -> {
            throw new ArithmeticException("host cannot add today");
        });
        try (TestReactor r = TestReactor.start(broken)) {
            assertThatThrownBy(() -> r.fn("useHost").callI32(1, 2))
                    .isInstanceOfSatisfying(GuestTrap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.HOST_FUNCTION_FAILED))
                    .hasRootCauseInstanceOf(ArithmeticException.class);
            assertStillWorks(r);
        }
    }

    @Test
    void aHostFunctionGivenAPointerOutsideMemoryTrapsAsOutOfBoundsWithoutAJavaExceptionName() {
        HostFunction reader = new HostFunction("host_add", FuncSignature.i32(2, 1),
                (memory, args) -> List.of(memory.readI32(args.get(0).intValue())));
        try (TestReactor r = TestReactor.start(reader)) {
            assertThatThrownBy(() -> r.fn("useHost").callI32(-16, 0))
                    .isInstanceOfSatisfying(GuestTrap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.MEMORY_OUT_OF_BOUNDS))
                    .hasMessageContaining("a host function was given a pointer outside the guest's memory")
                    .hasMessageNotContaining("Exception");
            assertStillWorks(r);
        }
    }

    @Test
    void aFailingHostFunctionIsReportedByItsMessageNotItsJavaType() {
        HostFunction broken = new HostFunction("host_add", FuncSignature.i32(2, 1), (memory, args) -> {
            throw new java.io.UncheckedIOException("could not write to standard output: Broken pipe", new java.io.IOException("Broken pipe"));
        });
        try (TestReactor r = TestReactor.start(broken)) {
            assertThatThrownBy(() -> r.fn("useHost").callI32(1, 2))
                    .hasMessageEndingWith("a host function failed: could not write to standard output: Broken pipe")
                    .hasMessageNotContaining("Exception");
        }
    }

    private static void assertStillWorks(TestReactor r) {
        assertThat(r.fn("add").callI32(2, 3)).isEqualTo(5);
        r.fn("hello").callVoid();
        assertThat(r.instance.lastCallStdout()).containsExactly("hello from the guest");
    }
}
