package dev.wasmjit.reliability;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestTimeout;
import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.TrapKind;
import dev.wasmjit.bridge.WasmEngine;
import dev.wasmjit.nativeconfig.EngineSettings;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each limit ends a runaway evaluation with its documented exception, interpreted and in
 * compiled code; afterwards the same instance evaluates what it parsed before, and its
 * linked code still runs.
 */
class LimitsAndRecoveryTest {

    /** How long past its deadline a call may take to end: the epoch tick and a thread hand-over. */
    private static final Duration DEADLINE_SLACK = Duration.ofSeconds(2);

    @Test
    void anEndlessLoopTimesOutInterpretedAndTheInstanceWorksOn() {
        try (TestGuest guest = TestGuest.start()) {
            Recovery recovery = Recovery.prepare(guest);
            Expression loop = guest.scheme.parse(Programs.ENDLESS_LOOP);
            assertTimesOut(() -> guest.scheme.eval(loop, SchemeInterpreter.DEFAULT_HEAP_BYTES, TestGuest.SHORT_DEADLINE),
                    TestGuest.SHORT_DEADLINE);
            recovery.assertWorksOn();
        }
    }

    @Test
    void anEndlessLoopTimesOutInCompiledCodeAndTheInstanceWorksOn() {
        try (TestGuest guest = TestGuest.start()) {
            Recovery recovery = Recovery.prepare(guest);
            Expression loop = guest.scheme.parse(Programs.ENDLESS_LOOP);
            assertTimesOut(() -> guest.scheme.eval(loop, SchemeInterpreter.DEFAULT_HEAP_BYTES, TestGuest.SHORT_DEADLINE),
                    TestGuest.SHORT_DEADLINE);
            int compiled = recovery.linkAnotherRound();

            assertThat(compiled).as("the loop's function is compiled").isGreaterThan(recovery.compiledAtStart);
            assertTimesOut(() -> guest.scheme.eval(loop, SchemeInterpreter.DEFAULT_HEAP_BYTES, TestGuest.SHORT_DEADLINE),
                    TestGuest.SHORT_DEADLINE);
            recovery.assertWorksOn();
        }
    }

    @Test
    void theBuildersDeadlineIsEveryEvalsDefault() {
        Duration deadline = Duration.ofMillis(400);
        try (TestGuest guest = TestGuest.start(b -> b.evalDeadline(deadline))) {
            Recovery recovery = Recovery.prepare(guest);
            Expression loop = guest.scheme.parse(Programs.ENDLESS_LOOP);
            assertTimesOut(() -> guest.scheme.eval(loop), deadline);
            recovery.assertWorksOn();
        }
    }

    @Test
    void recursionAMillionDeepIsAStackOverflowInterpretedAndTheInstanceWorksOn() {
        try (TestGuest guest = TestGuest.start()) {
            Recovery recovery = Recovery.prepare(guest);
            Expression deep = guest.scheme.parse(Programs.MILLION_DEEP);
            assertTrap(() -> guest.scheme.eval(deep), TrapKind.STACK_OVERFLOW);
            recovery.assertWorksOn();
        }
    }

    @Test
    void recursionAMillionDeepIsAStackOverflowInCompiledCodeAndTheInstanceWorksOn() {
        try (TestGuest guest = TestGuest.start()) {
            Recovery recovery = Recovery.prepare(guest);
            Expression deep = guest.scheme.parse(Programs.MILLION_DEEP);
            assertTrap(() -> guest.scheme.eval(deep), TrapKind.STACK_OVERFLOW);
            assertThat(recovery.linkAnotherRound()).isGreaterThan(recovery.compiledAtStart);

            assertTrap(() -> guest.scheme.eval(deep), TrapKind.STACK_OVERFLOW);
            recovery.assertWorksOn();
        }
    }

    @Test
    void aWasmStackOverflowIsTheSameKindAsTheGuestsNestingLimit() {
        // 64 KiB of wasm stack runs out long before the guest's own nesting limit
        EngineSettings smallStack = EngineSettings.defaults().withMaxWasmStackBytes(64 << 10);
        try (TestGuest guest = TestGuest.start(b -> b.engineSettings(smallStack))) {
            Recovery recovery = Recovery.prepare(guest);
            Expression deep = guest.scheme.parse(Programs.MILLION_DEEP);
            assertThatThrownBy(() -> guest.scheme.eval(deep))
                    .isInstanceOfSatisfying(GuestTrap.class, trap -> assertThat(trap.kind()).isEqualTo(TrapKind.STACK_OVERFLOW))
                    .as("trapped by wasmtime, not refused by the guest")
                    .hasMessageNotContaining("recursion too deep");
            recovery.assertWorksOn();
        }
    }

    @Test
    void anExhaustedHeapIsOutOfMemoryInterpretedAndInCompiledCode() {
        try (TestGuest guest = TestGuest.start()) {
            Recovery recovery = Recovery.prepare(guest);
            Expression chain = guest.scheme.parse(Programs.closureChain(1000));
            int smallHeap = 8 << 10;
            assertTrap(() -> guest.scheme.eval(chain, smallHeap), TrapKind.OUT_OF_MEMORY);
            assertThat(recovery.linkAnotherRound()).isGreaterThan(recovery.compiledAtStart);

            assertTrap(() -> guest.scheme.eval(chain, smallHeap), TrapKind.OUT_OF_MEMORY);
            assertThat(guest.scheme.eval(chain).asInteger()).as("the same chain in the default heap").isEqualTo(7);
            recovery.assertWorksOn();
        }
    }

    @Test
    void aHeapLargerThanWasmMemoryCanHoldIsOutOfMemory() {
        try (TestGuest guest = TestGuest.start()) {
            Recovery recovery = Recovery.prepare(guest);
            Expression sum = guest.scheme.parse("(+ 1 2)");
            assertTrap(() -> guest.scheme.eval(sum, Integer.MAX_VALUE), TrapKind.OUT_OF_MEMORY);
            assertThat(guest.scheme.eval(sum).asInteger()).isEqualTo(3);
            recovery.assertWorksOn();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "+ | (letrec ((up (lambda (n) (if (eq? n 0) 1073741822 (+ (up (- n 1)) 1))))) (up 2))",
        "- | (letrec ((dn (lambda (n) (if (eq? n 0) -1073741823 (- (dn (- n 1)) 1))))) (dn 2))",
        "* | (letrec ((double (lambda (n) (if (eq? n 0) 1 (* 2 (double (- n 1))))))) (double 30))",
    })
    void integerOverflowIsAnErrorInterpretedAndInCompiledCode(String operator, String program) {
        try (TestGuest guest = TestGuest.start()) {
            Recovery recovery = Recovery.prepare(guest);
            Expression overflowing = guest.scheme.parse(program);
            ThrowingCallable eval = () -> guest.scheme.eval(overflowing);
            assertThatThrownBy(eval).isExactlyInstanceOf(GuestError.class).hasMessage("integer overflow: " + operator);
            assertThat(recovery.linkAnotherRound()).isGreaterThan(recovery.compiledAtStart);

            assertThatThrownBy(eval).isExactlyInstanceOf(GuestError.class).hasMessage("integer overflow: " + operator);
            recovery.assertWorksOn();
        }
    }

    @Test
    void theIntegerLimitsThemselvesAreNoOverflow() {
        try (TestGuest guest = TestGuest.start()) {
            assertThat(guest.evalInteger("(+ 1073741822 1)")).isEqualTo(Programs.MAX_INTEGER);
            assertThat(guest.evalInteger("(- -1073741823 1)")).isEqualTo(Programs.MIN_INTEGER);
            assertThat(guest.evalInteger("(* -32768 32768)")).isEqualTo(Programs.MIN_INTEGER);
            assertThatThrownBy(() -> guest.evalInteger("(* 32768 32768)")).hasMessage("integer overflow: *");
        }
    }

    @Test
    void nestingBeyondTheParsersLimitIsAParseErrorAndTheInstanceWorksOn() {
        try (TestGuest guest = TestGuest.start()) {
            Recovery recovery = Recovery.prepare(guest);
            String deep = "(+ 1 ".repeat(100_000) + "1" + ")".repeat(100_000);
            assertThatThrownBy(() -> guest.scheme.parse(deep))
                    .isExactlyInstanceOf(GuestError.class)
                    .hasMessageStartingWith("parse error at line 1, column ")
                    .hasMessageEndingWith("expression nested too deeply");
            recovery.assertWorksOn();
        }
    }

    private static void assertTimesOut(ThrowingCallable call, Duration deadline) {
        long start = System.nanoTime();
        assertThatThrownBy(call).isInstanceOfSatisfying(GuestTimeout.class, timeout -> {
            assertThat(timeout.kind()).isEqualTo(TrapKind.TIMEOUT);
            assertThat(timeout.deadline()).isEqualTo(deadline);
        });
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("ended near its deadline").isBetween(deadline.minus(WasmEngine.TICK), deadline.plus(DEADLINE_SLACK));
    }

    private static void assertTrap(ThrowingCallable call, TrapKind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(GuestTrap.class, trap -> assertThat(trap.kind()).isEqualTo(kind));
    }

    /**
     * Fib, parsed and compiled before the limit is hit, top-level definitions made then (they
     * persist across evaluations, their data in the heap), and the checks that the instance
     * survived it.
     */
    private static final class Recovery {
        private final TestGuest guest;
        private final Expression fib;
        private final Expression closures;
        final int compiledAtStart;
        private int compiledNow;

        private Recovery(TestGuest guest) {
            this.guest = guest;
            this.fib = guest.parseAndRun(Programs.FIB_20);
            this.closures = guest.parseAndRun(Programs.closureChain(100));
            guest.parseAndRun("(define (zzsquare x) (* x x))");
            guest.parseAndRun("(define zzdata (list 1 \"two\" (vector 3 'four)))");
            this.compiledAtStart = guest.linkJitRound();
            this.compiledNow = compiledAtStart;
            assertThat(compiledAtStart).as("fib and the closure chain are compiled").isGreaterThanOrEqualTo(4);
        }

        static Recovery prepare(TestGuest guest) {
            return new Recovery(guest);
        }

        int linkAnotherRound() {
            compiledNow = guest.linkJitRound();
            return compiledNow;
        }

        void assertWorksOn() {
            assertThat(guest.scheme.eval(fib).asInteger()).as(guest.lastOutput()).isEqualTo(Programs.FIB_20_RESULT);
            assertThat(guest.scheme.eval(closures).asInteger()).isEqualTo(7);
            assertThat(guest.scheme.compiledFunctionCount()).as("linked code is kept").hasValue(compiledNow);
            assertThat(guest.evalInteger("((lambda (x) (* x x)) 12)")).isEqualTo(144);
            assertThat(guest.scheme.eval(guest.scheme.parse("(cons (zzsquare 5) zzdata)")))
                    .as("definitions made before the limit").hasToString("(25 1 \"two\" #(3 four))");
            assertThat(guest.linkJitRound()).as("a further JIT round links").isGreaterThan(compiledNow);
        }
    }
}
