package dev.wasmjit.junit;

import dev.wasmjit.bridge.DeadlineBounds;
import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestTimeout;
import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.TrapKind;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.wasmjit.junit.WasmjitAssertions.assertThat;
import static dev.wasmjit.junit.WasmjitAssertions.assertThatThrownBy;

@WasmjitTest
class InjectionTest {

    static final String FIB = "(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))";

    private static int eval(SchemeInterpreter scheme, String source) {
        return scheme.eval(scheme.parse(source)).asInteger();
    }

    @Test
    void eachParameterGetsAnInterpreterOfItsOwn(SchemeInterpreter first, SchemeInterpreter second) {
        eval(first, "(define shared 1) shared");

        assertThat(first).isNotSameAs(second);
        assertThatThrownBy(() -> second.eval(second.parse("shared")))
                .isInstanceOf(GuestError.class).hasMessageStartingWith("unbound variable: shared");
    }

    /** Java procedures for Scheme: a counter per interpreter, so each gets a provider of its own. */
    static final class Counter implements HostFunctions {
        private long count;

        @Override
        public java.util.Map<String, dev.wasmjit.scheme.HostProcedure> hostProcedures() {
            return java.util.Map.of("host-count", args -> ++count);
        }
    }

    @Test
    void hostProceduresAreDefinedAndCalledFromWarmedUpCompiledCode(
            @HostProcedures(Counter.class) @Warmup("(define (tick) (host-count)) (tick)") @JitRounds(1)
            SchemeInterpreter scheme, @HostProcedures(Counter.class) SchemeInterpreter other) {
        assertThat(scheme).as("tick, and the procedure host-count is").hasCompiledFunctions(2);
        assertThat(scheme).runsCompiled(() -> assertThat(eval(scheme, "(begin (tick) (tick))")).isEqualTo(3));
        assertThat(eval(other, "(host-count)")).as("another interpreter counts on its own").isEqualTo(1);
    }

    @Test
    void theBundledGuestStartsWithNothingCompiled(SchemeInterpreter scheme) {
        assertThat(scheme).hasCompiledFunctions(0);
        assertThat(scheme.pendingJitCount().asOptionalInt()).hasValue(0);
    }

    @Test
    void warmupAndOneJitRoundLeaveTheWarmupsProceduresCompiled(
            @Warmup(FIB + " (fib 10)") @JitRounds(1) SchemeInterpreter scheme) {
        assertThat(scheme).hasCompiledFunctions(1);
        assertThat(scheme).runsCompiled(() -> assertThat(scheme.eval(scheme.parse("(fib 20)"))).isInteger(6765));
    }

    @Test
    void warmupWithoutJitRoundsIsEvaluatedButNothingIsCompiled(@Warmup(FIB + " (fib 5)") SchemeInterpreter scheme) {
        assertThat(scheme).hasCompiledFunctions(0);
        assertThat(scheme.pendingJitCount().asOptionalInt()).as("fib, run").hasValue(1);
        assertThat(eval(scheme, "(fib 15)")).isEqualTo(610);
    }

    @Test
    void aSecondJitRoundAfterEverythingRanCompiledLinksNothingMore(
            @Warmup(FIB + " (fib 10)") @JitRounds(2) SchemeInterpreter scheme) {
        assertThat(scheme.instance().lateLinker().rounds()).isEqualTo(1);
        assertThat(scheme.pendingJitCount().asOptionalInt()).hasValue(0);
        assertThat(scheme).hasCompiledFunctions(1);
    }

    @Test
    void theOutputOfTheBodyIsCapturedAndTheWarmupsIsNot(@Warmup("(display \"warming up\") 0") SchemeInterpreter scheme,
                                                        GuestOutput output) {
        scheme.eval(scheme.parse("(display \"hello\") (newline) 42"));
        assertThatThrownBy(() -> scheme.eval(scheme.parse("(car 5)"))).isInstanceOf(GuestError.class);

        assertThat(output.stdoutLines()).containsExactly("hello", "result: 42");
        assertThat(output.stderr()).isEqualTo("error: wrong type: car expects a pair as argument 1, got the integer 5\n");
    }

    @Test
    void aDeadlineOnTheParameterStopsAnEndlessLoop(@Deadline(value = 1, unit = TimeUnit.SECONDS)
                                                   SchemeInterpreter scheme) {
        DeadlineBounds.assertTimesOutAt(Duration.ofSeconds(1), () -> scheme.eval(scheme.parse("(let loop () (loop))")));
        assertThat(eval(scheme, "(+ 1 2)")).isEqualTo(3);
    }

    @Test
    void aSmallHeapRunsOutWhereTheDefaultDoesNot(@HeapSize(value = 64 * 1024, grows = false) SchemeInterpreter small,
                                                 SchemeInterpreter normal) {
        String bigList = "(define (build n acc) (if (= n 0) acc (build (- n 1) (cons n acc)))) (length (build 20000 '()))";

        assertThatThrownBy(() -> small.eval(small.parse(bigList)))
                .isInstanceOfSatisfying(GuestTrap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.OUT_OF_MEMORY));
        assertThat(eval(normal, bigList)).isEqualTo(20000);
    }

    @Test
    void tieringOnTheParameterCompilesWhatRunsWithoutBeingAsked(
            @Tiering(value = dev.wasmjit.scheme.Tiering.Mode.AUTOMATIC, threshold = 2) SchemeInterpreter scheme) {
        Expression loop = scheme.parse("(let loop ((i 0)) (if (< i 100000) (loop (+ i 1)) i))");
        // The round compiles in the background: evaluate until it is linked, at a poll or between evaluations.
        for (int i = 0; i < 1000 && scheme.tieringStats().rounds() == 0; i++) {
            assertThat(scheme.eval(loop).asInteger()).isEqualTo(100000);
        }
        assertThat(scheme.tieringStats().rounds()).isEqualTo(1);
        assertThat(scheme.compiledFunctionCount().asOptionalInt()).hasValue(1);
    }

    @Test
    void aModuleFileRunsInsteadOfTheClassPathGuest(@GuestModule(file = "../guest/interplib.wasm") SchemeInterpreter scheme) {
        assertThat(eval(scheme, "(* 6 7)")).isEqualTo(42);
    }

    @Test
    void aBuilderParameterCarriesTheSettingsAndMakesIndependentInterpreters(
            @Deadline(value = 200, unit = TimeUnit.MILLISECONDS) @HeapSize(value = 64 * 1024, grows = false)
            SchemeInterpreter.Builder builder,
            GuestOutput output) {
        String bigList = "(define (build n acc) (if (= n 0) acc (build (- n 1) (cons n acc)))) (length (build 20000 '()))";
        try (SchemeInterpreter first = builder.build(); SchemeInterpreter second = builder.build()) {
            eval(first, "(define shared 1) shared");
            assertThatThrownBy(() -> second.eval(second.parse("shared")))
                    .isInstanceOf(GuestError.class).hasMessageStartingWith("unbound variable: shared");
            assertThatThrownBy(() -> first.eval(first.parse("(let loop () (loop))")))
                    .isInstanceOfSatisfying(GuestTimeout.class, t -> assertThat(t.deadline()).hasMillis(200));
            assertThatThrownBy(() -> second.eval(second.parse(bigList)))
                    .isInstanceOfSatisfying(GuestTrap.class, t -> assertThat(t.kind()).isEqualTo(TrapKind.OUT_OF_MEMORY));
        }
        assertThat(output.stdoutLines()).as("a built interpreter's output is discarded").isEmpty();
    }

    @Test
    void aBuilderParameterTakesTheModuleAndIsTheTestsToConfigure(
            @GuestModule(file = "../guest/interplib.wasm") SchemeInterpreter.Builder builder) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        try (SchemeInterpreter scheme = builder.stdout(stdout).build()) {
            assertThat(eval(scheme, "(display \"six times seven\") (* 6 7)")).isEqualTo(42);
        }
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("six times seven\nresult: 42\n");
    }

    @Test
    void theBundledGuestIsAReactorToo(ReactorInstance guest) {
        assertThat(guest.requireFunction("parse")).isNotNull();
        assertThat(guest.tableSize()).isPositive();
    }

    @Test
    void aClassPathReactorRunsAndLinksGeneratedCode(@GuestModule(resource = "/wasm/twice.wasm") ReactorInstance twice)
            throws Exception {
        assertThat(twice.requireFunction("twice").callI32(21)).isEqualTo(42);
        byte[] generated = InjectionTest.class.getResourceAsStream("/wasm/jit-twice.wasm").readAllBytes();

        // two functions: the doubling one and the patch (the start function)
        assertThat(twice.lateLinker().link(generated)).linkedFunctions(2).addedSlots(1).hasNamespace("jit-1");
        assertThat(twice.requireFunction("twice").callI32(21)).isEqualTo(42);
        assertThat(twice.global("compiledCalls").orElseThrow().get()).isEqualTo(1);
    }

    @Test
    void aMissingResourceIsAClearResolutionError() {
        GuestSettings settings = GuestSettings.of(null, null, MissingModule.class);
        assertThatThrownBy(() -> settings.reactor(new GuestOutput()))
                .hasMessageContaining("@GuestModule(resource = \"/wasm/no-such.wasm\"): no such class-path resource");
    }

    @GuestModule(resource = "/wasm/no-such.wasm")
    static final class MissingModule {
    }

    @Nested
    @Deadline(value = 150, unit = TimeUnit.MILLISECONDS)
    class SettingsOnTheClass {

        @Test
        void applyToEveryParameterOfItsTests(SchemeInterpreter scheme) {
            assertThatThrownBy(() -> scheme.eval(scheme.parse("(let loop () (loop))")))
                    .isInstanceOfSatisfying(GuestTimeout.class, t -> assertThat(t.deadline()).hasMillis(150));
        }

        @Test
        void giveWayToTheParameters(@Deadline(value = 250, unit = TimeUnit.MILLISECONDS) SchemeInterpreter scheme) {
            assertThatThrownBy(() -> scheme.eval(scheme.parse("(let loop () (loop))")))
                    .isInstanceOfSatisfying(GuestTimeout.class, t -> assertThat(t.deadline()).hasMillis(250));
        }
    }
}
