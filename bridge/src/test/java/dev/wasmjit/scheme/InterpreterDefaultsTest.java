package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.StoreSettings;
import dev.wasmjit.bridge.TrapKind;
import dev.wasmjit.bridge.WasmEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link InterpreterSettings} and {@link StoreSettings} promise when nothing is set
 * (that an interpreter is not interruptible by default, {@link InterruptTest} shows).
 */
class InterpreterDefaultsTest {

    /** A list of 100,000 integers: well over 1 MiB of live pairs. */
    private static final String LARGE_LIVE_DATA = """
            (define (build n acc) (if (eq? n 0) acc (build (- n 1) (cons n acc))))
            (define (len l n) (if (null? l) n (len (cdr l) (+ n 1))))
            (len (build 100000 '()) 0)
            """;

    @Test
    void theBundledGuestRunsOnTheSharedEngineWithTenSecondsPerCall() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThat(t.scheme.instance().module().bytes()).isEqualTo(SchemeInterpreter.bundledBytes());
            assertThat(t.scheme.instance().engine()).isSameAs(WasmEngine.shared());
            assertThat(t.scheme.instance().defaultDeadline()).contains(Duration.ofSeconds(10))
                    .contains(StoreSettings.DEFAULT_DEADLINE);
        }
    }

    @Test
    void eachEvaluationStartsFromOneMebibyteOfHeap() {
        assertThat(SchemeInterpreter.DEFAULT_HEAP_BYTES).isEqualTo(1 << 20);
        long byDefault = memoryAfterOneEvaluation(b -> b);
        assertThat(memoryAfterOneEvaluation(b -> b.heapBytes(SchemeInterpreter.DEFAULT_HEAP_BYTES))).isEqualTo(byDefault);
        assertThat(memoryAfterOneEvaluation(b -> b.heapBytes(8 << 20))).isGreaterThan(byDefault);
    }

    @Test
    void theHeapGrowsWhenLiveDataCrowdsItUpToAQuarterOfPhysicalMemoryByDefault() {
        long physical = ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        assertThat(SchemeInterpreter.DEFAULT_MAX_HEAP_BYTES)
                .isEqualTo(Math.min(Math.max(physical / 4, 256L << 20), InterpreterSettings.LARGEST_HEAP_LIMIT));
        assertThat(SchemeInterpreter.DEFAULT_MAX_HEAP_BYTES).isBetween(256L << 20, (4L << 30) - (64 << 10));
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThat(t.evalInteger(LARGE_LIVE_DATA)).isEqualTo(100000);
        }
        try (TestInterpreter t = TestInterpreter.start(b -> b.maxHeapBytes(0))) {
            assertThatThrownBy(() -> t.evalInteger(LARGE_LIVE_DATA))
                    .isInstanceOfSatisfying(GuestTrap.class, e -> assertThat(e.kind()).isEqualTo(TrapKind.OUT_OF_MEMORY));
        }
    }

    @Test
    void twoMillionCallsMayNestByDefaultAndAnotherLimitIsTheGuestsToo() {
        assertThat(SchemeInterpreter.Builder.DEFAULT_MAX_NESTED_CALLS).isEqualTo(2_000_000);
        String deep = "(define (down n) (if (eq? n 0) 0 (+ 1 (down (- n 1))))) (down 2000000)";
        try (TestInterpreter t = TestInterpreter.start()) {
            // (down 2000000) nests 2,000,001 calls: one more than the default allows
            assertThatThrownBy(() -> t.evalInteger(deep))
                    .isInstanceOfSatisfying(GuestTrap.class, e -> assertThat(e.kind()).isEqualTo(TrapKind.STACK_OVERFLOW))
                    .hasMessage("recursion too deep: more than 2000000 nested calls");
            assertThat(t.evalInteger("(down 1999999)")).isEqualTo(1_999_999);
        }
        try (TestInterpreter t = TestInterpreter.start(b -> b.maxNestedCalls(100))) {
            assertThat(t.evalInteger(deep.replace("2000000", "99"))).isEqualTo(99);
            assertThatThrownBy(() -> t.evalInteger("(down 100)")).hasMessage("recursion too deep: more than 100 nested calls");
        }
        assertThatThrownBy(() -> SchemeInterpreter.builder().maxNestedCalls(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the limit of nested calls must be positive, was 0");
    }

    /** The guest's memory after one small evaluation, the heap kept at the size asked for. */
    private static long memoryAfterOneEvaluation(UnaryOperator<SchemeInterpreter.Builder> heap) {
        try (TestInterpreter t = TestInterpreter.start(b -> heap.apply(b.maxHeapBytes(0)))) {
            t.evalInteger("(+ 1 2)");
            return t.scheme.instance().memory().size();
        }
    }
}
