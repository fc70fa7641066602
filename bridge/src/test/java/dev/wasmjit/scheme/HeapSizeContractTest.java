package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.TrapKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One contract for heap sizes, in the builder and in eval alike: a size that is not positive is
 * the caller's mistake, an IllegalArgumentException before any guest call; a positive size
 * below the guest's minimum is the guest's OUT_OF_MEMORY limit, with its message.
 */
class HeapSizeContractTest {

    @Test
    void aSizeThatIsNotPositiveIsRefusedBeforeTheCallByBuilderAndEvalAlike() {
        assertThatThrownBy(() -> SchemeInterpreter.builder().heapBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchemeInterpreter.builder().heapBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression program = t.scheme.parse("(+ 1 2)");
            for (int size : new int[] {0, -1, Integer.MIN_VALUE}) {
                assertThatThrownBy(() -> t.scheme.eval(program, size))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("heap size must be positive, was " + size);
                assertThatThrownBy(() -> t.scheme.eval(program, size, Duration.ofSeconds(1)))
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThat(t.stderrText()).isEmpty(); // the guest was not called
            assertThat(t.scheme.eval(program).asInteger()).isEqualTo(3);
        }
    }

    @Test
    void aPositiveSizeBelowTheGuestsMinimumIsOutOfMemoryAndTheInterpreterWorksOn() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression program = t.scheme.parse("(+ 1 2)");
            assertSmallHeapIsOutOfMemory(t.scheme, program); // the first evaluation: no heap yet
            assertThat(t.scheme.eval(program).asInteger()).isEqualTo(3);
        }
    }

    @Test
    void aHeapThatMayNotGrowIsResizedToTheSizeAskedForSoATooSmallOneIsOutOfMemoryToo() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.maxHeapBytes(0))) {
            t.evalInteger("(define x 42) x");
            Expression program = t.scheme.parse("(+ x 1)");
            assertSmallHeapIsOutOfMemory(t.scheme, program);
            assertThat(t.scheme.eval(program).asInteger()).isEqualTo(43);
        }
    }

    private static void assertSmallHeapIsOutOfMemory(SchemeInterpreter scheme, Expression program) {
        assertThatThrownBy(() -> scheme.eval(program, 8))
                .isInstanceOfSatisfying(GuestTrap.class, e -> assertThat(e.kind()).isEqualTo(TrapKind.OUT_OF_MEMORY))
                .hasMessage("heap size too small: 8 bytes");
    }
}
