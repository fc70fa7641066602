package dev.wasmjit.bridge;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whatever ends a call, the instance leaves its "in a call" state: the next call is served,
 * not refused as a host function calling back into its own instance.
 */
class CallMarkTest {

    /** More than Duration.toNanos can hold (about 292 years). */
    private static final Duration THREE_HUNDRED_YEARS = Duration.ofDays(365 * 300);

    @Test
    void aDeadlineBeyondWhatTheTickerCountsMeansNoLimit() {
        try (TestReactor r = TestReactor.start()) {
            for (Duration huge : new Duration[] {THREE_HUNDRED_YEARS, Duration.ofSeconds(Long.MAX_VALUE),
                    Duration.ofNanos(Long.MAX_VALUE), WasmEngine.TICK.multipliedBy(1L << 40)}) {
                assertThat(r.fn("add").withDeadline(huge).callI32(1, 2)).as("deadline %s", huge).isEqualTo(3);
            }
            assertThat(r.fn("add").callI32(1, 1)).isEqualTo(2);
        }
    }

    @Test
    void aHugeDefaultDeadlineServesInitializeAndEveryCall() {
        try (ReactorInstance instance = TestReactor.wired(TestReactor.module("reactor"))
                .stdout(OutputStream.nullOutputStream())
                .deadline(THREE_HUNDRED_YEARS)
                .instantiate()) {
            assertThat(instance.requireFunction("add").callI32(2, 3)).isEqualTo(5);
            assertThatThrownBy(() -> instance.requireFunction("crash").callVoid())
                    .isInstanceOf(GuestTrap.class); // the failed call restores the stack pointer with that deadline
            assertThat(instance.requireFunction("useHost").callI32(2, 3)).isEqualTo(5);
            assertThat(instance.tableSize()).isEqualTo(1);
        }
    }

    @Test
    void aLineListenerThatThrowsFailsItsCallOnly() {
        try (ReactorInstance instance = TestReactor.wired(TestReactor.module("reactor"))
                .stdout(OutputStream.nullOutputStream())
                .lineListener((fd, line) -> {
                    throw new IllegalStateException("listener failed on " + line);
                })
                .instantiate()) {
            // a whole line reaches the listener inside fd_write, a host function
            assertThatThrownBy(() -> instance.requireFunction("hello").callVoid())
                    .isInstanceOf(GuestTrap.class)
                    .hasRootCauseInstanceOf(IllegalStateException.class);
            assertThat(instance.requireFunction("add").callI32(1, 1)).isEqualTo(2);
            // a partial line reaches it when the call ends, outside any host function: its
            // exception is the call's
            assertThatThrownBy(() -> instance.requireFunction("partial").callVoid())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("listener failed");
            assertThat(instance.requireFunction("add").callI32(1, 1)).isEqualTo(2);
        }
    }

    @Test
    void aHostFunctionThrowingAnErrorFailsItsCallOnly() {
        HostFunction broken = new HostFunction("host_add", FuncSignature.i32(2, 1), (memory, args) -> {
            throw new AssertionError("host function broke");
        });
        try (TestReactor r = TestReactor.start(broken)) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> r.fn("useHost").callI32(1, 2))
                        .isInstanceOf(GuestTrap.class)
                        .hasRootCauseInstanceOf(AssertionError.class);
                assertThat(r.fn("add").callI32(1, 1)).isEqualTo(2);
                assertThat(r.instance.memory().readI32(0)).isNotNull();
            }
        }
    }
}
