package dev.wasmjit.reliability;

import dev.wasmjit.bridge.DeadlineBounds;
import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.TrapKind;
import dev.wasmjit.junit.Deadline;
import dev.wasmjit.junit.WasmjitTest;
import dev.wasmjit.nativeconfig.EngineSettings;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.wasmjit.reliability.SchemeCalls.evalInteger;
import static dev.wasmjit.reliability.SchemeCalls.linkJitRound;
import static dev.wasmjit.reliability.SchemeCalls.parseAndRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each limit ends a runaway evaluation with its documented exception, interpreted and in
 * compiled code; afterwards the same instance evaluates what it parsed before, and its
 * linked code still runs. Each test gets a fresh interpreter injected by the extension, which
 * closes it afterwards and shows what the guest printed when a test fails.
 */
@WasmjitTest
class LimitsAndRecoveryTest {

    /** The deadline of evaluations that are expected to run away. */
    private static final Duration SHORT_DEADLINE = DeadlineBounds.SHORTEST;

    @Test
    void anEndlessLoopTimesOutInterpretedAndTheInstanceWorksOn(SchemeInterpreter scheme) {
        Recovery recovery = Recovery.prepare(scheme);
        Expression loop = scheme.parse(Programs.ENDLESS_LOOP);
        assertTimesOut(() -> scheme.eval(loop, SchemeInterpreter.DEFAULT_HEAP_BYTES, SHORT_DEADLINE),
                SHORT_DEADLINE);
        recovery.assertWorksOn();
    }

    @Test
    void anEndlessLoopTimesOutInCompiledCodeAndTheInstanceWorksOn(SchemeInterpreter scheme) {
        Recovery recovery = Recovery.prepare(scheme);
        Expression loop = scheme.parse(Programs.ENDLESS_LOOP);
        assertTimesOut(() -> scheme.eval(loop, SchemeInterpreter.DEFAULT_HEAP_BYTES, SHORT_DEADLINE),
                SHORT_DEADLINE);
        int compiled = recovery.linkAnotherRound();

        assertThat(compiled).as("the loop's function is compiled").isEqualTo(recovery.compiledAtStart + 1);
        assertTimesOut(() -> scheme.eval(loop, SchemeInterpreter.DEFAULT_HEAP_BYTES, SHORT_DEADLINE),
                SHORT_DEADLINE);
        recovery.assertWorksOn();
    }

    @Test
    void theBuildersDeadlineIsEveryEvalsDefault(@Deadline(value = 1200, unit = TimeUnit.MILLISECONDS) SchemeInterpreter scheme) {
        Duration deadline = Duration.ofMillis(1200);
        Recovery recovery = Recovery.prepare(scheme);
        Expression loop = scheme.parse(Programs.ENDLESS_LOOP);
        assertTimesOut(() -> scheme.eval(loop), deadline);
        recovery.assertWorksOn();
    }

    @Test
    void recursionAMillionDeepRunsInterpretedAndCompiledAndTheInstanceWorksOn(SchemeInterpreter scheme) {
        Recovery recovery = Recovery.prepare(scheme);
        Expression deep = scheme.parse(Programs.MILLION_DEEP);
        assertThat(scheme.eval(deep).asInteger()).isEqualTo(1_000_000);
        assertThat(recovery.linkAnotherRound()).as("down, compiled").isEqualTo(recovery.compiledAtStart + 1);

        assertThat(scheme.eval(deep).asInteger()).isEqualTo(1_000_000);
        recovery.assertWorksOn();
    }

    @Test
    void recursionPastTheLimitIsAStackOverflowInterpretedAndCompiled(SchemeInterpreter.Builder builder) {
        try (SchemeInterpreter scheme = builder.maxNestedCalls(100_000).build()) {
            Recovery recovery = Recovery.prepare(scheme);
            Expression deep = scheme.parse(Programs.MILLION_DEEP);
            assertTrap(() -> scheme.eval(deep), TrapKind.STACK_OVERFLOW);
            assertThat(recovery.linkAnotherRound()).as("down, compiled").isEqualTo(recovery.compiledAtStart + 1);

            assertThatThrownBy(() -> scheme.eval(deep)).hasMessage("recursion too deep: more than 100000 nested calls");
            recovery.assertWorksOn();
        }
    }

    @Test
    void aWasmStackOverflowIsTheSameKindAsTheGuestsNestingLimit(SchemeInterpreter.Builder builder) {
        // Compiled code nests on the wasm stack until it hands the recursion to the interpreter
        // 8,000 calls deep; 64 KiB of wasm stack runs out long before. No annotation sets engine
        // settings, so this test builds its interpreter from the injected builder.
        EngineSettings smallStack = EngineSettings.defaults().withMaxWasmStackBytes(64 << 10);
        try (SchemeInterpreter scheme = builder.engineSettings(smallStack).build()) {
            Recovery recovery = Recovery.prepare(scheme);
            parseAndRun(scheme, "(define (down n) (if (eq? n 0) 0 (+ 1 (down (- n 1))))) (down 10)");
            assertThat(recovery.linkAnotherRound()).as("down, compiled").isEqualTo(recovery.compiledAtStart + 1);
            Expression deep = scheme.parse("(down 5000)");
            assertThatThrownBy(() -> scheme.eval(deep))
                    .isInstanceOfSatisfying(GuestTrap.class, trap -> assertThat(trap.kind()).isEqualTo(TrapKind.STACK_OVERFLOW))
                    .as("trapped by wasmtime, not refused by the guest")
                    .hasMessageNotContaining("recursion too deep");
            recovery.assertWorksOn();
        }
    }

    @Test
    void anExhaustedHeapIsOutOfMemoryInterpretedAndInCompiledCode(SchemeInterpreter.Builder builder) {
        // A heap that may not grow: each evaluation gets exactly the size it asks for.
        try (SchemeInterpreter scheme = builder.maxHeapBytes(0).build()) {
            exhaustTheHeap(scheme);
        }
    }

    private static void exhaustTheHeap(SchemeInterpreter scheme) {
        Recovery recovery = Recovery.prepare(scheme);
        Expression chain = scheme.parse(Programs.closureChain(1000));
        int smallHeap = 8 << 10;
        assertTrap(() -> scheme.eval(chain, smallHeap), TrapKind.OUT_OF_MEMORY);
        assertThat(recovery.linkAnotherRound()).isGreaterThan(recovery.compiledAtStart);

        assertTrap(() -> scheme.eval(chain, smallHeap), TrapKind.OUT_OF_MEMORY);
        assertThat(scheme.eval(chain).asInteger()).as("the same chain in the default heap").isEqualTo(7);
        recovery.assertWorksOn();
    }

    private static final String BUILD = """
            (define (build n acc) (if (= n 0) acc (build (- n 1) (cons n acc))))
            """;

    @Test
    void aMillionElementListGrowsTheHeapWithoutAnyOptionInterpretedAndCompiled(SchemeInterpreter scheme) {
        Expression million = scheme.parse(BUILD + "(length (build 1000000 '()))");
        assertThat(scheme.eval(million).asInteger()).isEqualTo(1_000_000);
        scheme.jit().ifPresent(scheme::link);
        assertThat(scheme.eval(million).asInteger()).as("compiled").isEqualTo(1_000_000);
    }

    @Test
    void pastItsLimitAGrowingHeapIsOutOfMemoryAndTheInterpreterWorksOn(SchemeInterpreter.Builder builder) {
        try (SchemeInterpreter scheme = builder.maxHeapBytes(8 << 20).build()) {
            Recovery recovery = Recovery.prepare(scheme);
            // 2,000,000 pairs of 12 bytes live at once: more than half of 8 MiB
            Expression tooMany = scheme.parse(BUILD + "(length (build 2000000 '()))");
            assertThatThrownBy(() -> scheme.eval(tooMany))
                    .isInstanceOfSatisfying(GuestTrap.class, trap -> assertThat(trap.kind()).isEqualTo(TrapKind.OUT_OF_MEMORY))
                    .hasMessage("heap exhausted: live data fills the 8388608-byte heap after a collection");
            assertThat(scheme.eval(scheme.parse("(length (build 100000 '()))")).asInteger()).isEqualTo(100_000);
            recovery.assertWorksOn();
        }
    }

    @Test
    void theLargestHeapAnEvaluationCanAskForIsHad(SchemeInterpreter scheme) {
        // 2 GiB, as two blocks of 1 GiB (the halves are blocks of their own): once refused,
        // when both halves had to be one block
        Recovery recovery = Recovery.prepare(scheme);
        Expression sum = scheme.parse("(+ 1 2)");
        assertThat(scheme.eval(sum, Integer.MAX_VALUE).asInteger()).isEqualTo(3);
        assertThat(scheme.eval(sum).asInteger()).isEqualTo(3);
        recovery.assertWorksOn();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "+ | (letrec ((up (lambda (n) (if (eq? n 0) 1073741822 (+ (up (- n 1)) 1))))) (up 2)) | 1073741824",
        "- | (letrec ((dn (lambda (n) (if (eq? n 0) -1073741823 (- (dn (- n 1)) 1))))) (dn 2)) | -1073741825",
        "* | (letrec ((double (lambda (n) (if (eq? n 0) 1 (* 2 (double (- n 1))))))) (double 70)) | 1180591620717411303424",
    })
    void leavingTheFixnumRangeGivesABignumInterpretedAndInCompiledCode(String operator, String program, String value,
                                                                      SchemeInterpreter scheme) {
        Recovery recovery = Recovery.prepare(scheme);
        Expression leaving = scheme.parse(program);
        assertThat(scheme.eval(leaving).asBigInteger()).as(operator).isEqualTo(new java.math.BigInteger(value));
        assertThat(recovery.linkAnotherRound()).isGreaterThan(recovery.compiledAtStart);

        assertThat(scheme.eval(leaving).asBigInteger()).as(operator + " compiled").isEqualTo(new java.math.BigInteger(value));
        recovery.assertWorksOn();
    }

    @Test
    void theIntegerLimitsThemselvesAreFixnumsAndOneBeyondIsABignum(SchemeInterpreter scheme) {
        assertThat(evalInteger(scheme, "(+ 1073741822 1)")).isEqualTo(Programs.MAX_INTEGER);
        assertThat(evalInteger(scheme, "(- -1073741823 1)")).isEqualTo(Programs.MIN_INTEGER);
        assertThat(evalInteger(scheme, "(* -32768 32768)")).isEqualTo(Programs.MIN_INTEGER);
        assertThat(evalInteger(scheme, "(* 32768 32768)")).isEqualTo(Programs.MAX_INTEGER + 1);
        assertThat(evalInteger(scheme, "(- (* 32768 32768) 1)")).isEqualTo(Programs.MAX_INTEGER);
    }

    @Test
    void nestingBeyondTheParsersLimitIsAParseErrorAndTheInstanceWorksOn(SchemeInterpreter scheme) {
        Recovery recovery = Recovery.prepare(scheme);
        String deep = "(+ 1 ".repeat(100_000) + "1" + ")".repeat(100_000);
        assertThatThrownBy(() -> scheme.parse(deep))
                .isExactlyInstanceOf(GuestError.class)
                .hasMessageStartingWith("parse error at line 1, column ")
                .hasMessageEndingWith("expression nested too deeply");
        recovery.assertWorksOn();
    }

    private static void assertTimesOut(ThrowingCallable call, Duration deadline) {
        DeadlineBounds.assertTimesOutAt(deadline, call);
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
        private final SchemeInterpreter scheme;
        private final Expression fib;
        private final Expression closures;
        final int compiledAtStart;
        private int compiledNow;

        private Recovery(SchemeInterpreter scheme) {
            this.scheme = scheme;
            this.fib = parseAndRun(scheme, Programs.FIB_20);
            this.closures = parseAndRun(scheme, Programs.closureChain(100));
            parseAndRun(scheme, "(define (zzsquare x) (* x x))");
            parseAndRun(scheme, "(define zzdata (list 1 \"two\" (vector 3 'four)))");
            this.compiledAtStart = linkJitRound(scheme);
            this.compiledNow = compiledAtStart;
            assertThat(compiledAtStart).as("fib and the closure chain are compiled").isGreaterThanOrEqualTo(4);
        }

        static Recovery prepare(SchemeInterpreter scheme) {
            return new Recovery(scheme);
        }

        int linkAnotherRound() {
            compiledNow = linkJitRound(scheme);
            return compiledNow;
        }

        void assertWorksOn() {
            assertThat(scheme.eval(fib).asInteger()).isEqualTo(Programs.FIB_20_RESULT);
            assertThat(scheme.eval(closures).asInteger()).isEqualTo(7);
            assertThat(scheme.compiledFunctionCount().asOptionalInt()).as("linked code is kept").hasValue(compiledNow);
            assertThat(evalInteger(scheme, "((lambda (x) (* x x)) 12)")).isEqualTo(144);
            assertThat(scheme.eval(scheme.parse("(cons (zzsquare 5) zzdata)")))
                    .as("definitions made before the limit").hasToString("(25 1 \"two\" #(3 four))");
            assertThat(linkJitRound(scheme)).as("a further JIT round links").isGreaterThan(compiledNow);
        }
    }
}
