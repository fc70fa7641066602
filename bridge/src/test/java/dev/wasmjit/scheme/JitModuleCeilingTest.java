package dev.wasmjit.scheme;

import dev.wasmjit.bridge.LinkException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JIT modules an interpreter links are bounded: a wasmtime store never frees an instance, so
 * each module keeps its native memory, and a program that redefines and recompiles one function
 * in a loop would otherwise grow without end (issue 21, item 7). Past the ceiling nothing more is
 * linked, the functions stay interpreted, and every result is what it was.
 */
class JitModuleCeilingTest {

    /** One redefinition of {@code sq} and a call of it: {@code 144 * k}. */
    private static int redefineAndCall(TestInterpreter t, int k) {
        Expression program = t.scheme.parse("(define (sq x) (* x x " + k + ")) (sq 12)");
        int result = t.scheme.eval(program).asInteger();
        program.release();
        return result;
    }

    /** Redefines and compiles {@code rounds} times; asserts each result, compiled or not. */
    private static void redefineAndCompile(TestInterpreter t, int rounds) {
        for (int k = 1; k <= rounds; k++) {
            assertThat(redefineAndCall(t, k)).as("round %d interpreted", k).isEqualTo(144 * k);
            t.scheme.jit().ifPresent(t.scheme::link);
            assertThat(t.evalInteger("(sq 12)")).as("round %d after its JIT round", k).isEqualTo(144 * k);
        }
    }

    @Test
    void roundsPastTheCeilingLinkNothingAndTheResultsStayRight() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.maxJitModules(10))) {
            redefineAndCompile(t, 10);
            assertThat(linked(t)).isEqualTo(10);
            int tableAtTheCeiling = t.scheme.tableSize();

            redefineAndCompile(t, 40);

            assertThat(linked(t)).as("no module past the ceiling").isEqualTo(10);
            assertThat(t.scheme.tableSize()).as("no slot past the ceiling").isEqualTo(tableAtTheCeiling);
            assertThat(t.scheme.pendingJitCount().asOptionalInt()).as("the 40 sq that ran past it wait, interpreted")
                    .hasValue(40);
            assertThat(t.scheme.jit()).isEmpty();
        }
    }

    @Test
    void aModuleMadeBeforeTheCeilingIsRefusedAfterIt() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.maxJitModules(1))) {
            redefineAndCall(t, 1);
            JitModule first = t.scheme.jit().orElseThrow();
            redefineAndCall(t, 2);
            JitModule second = t.scheme.jit().orElseThrow();
            t.scheme.link(second);
            assertThatThrownBy(() -> t.scheme.link(first)).isInstanceOf(LinkException.class)
                    .hasMessage("this instance has linked its ceiling of 1 JIT modules: "
                            + "the module's functions stay interpreted");
            assertThat(linked(t)).isEqualTo(1);
            assertThat(t.evalInteger("(sq 12)")).isEqualTo(288);
        }
    }

    @Test
    void theDefaultCeilingHoldsForAProgramThatRecompilesWithoutEnd() {
        try (TestInterpreter t = TestInterpreter.start()) {
            redefineAndCompile(t, InterpreterSettings.DEFAULT_MAX_JIT_MODULES + 20);
            assertThat(linked(t)).isEqualTo(InterpreterSettings.DEFAULT_MAX_JIT_MODULES);
        }
    }

    @Test
    void automaticTieringStopsAtTheCeiling() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.maxJitModules(2)
                .tiering(Tiering.automatic().withThreshold(5)))) {
            t.scheme.automaticTiering().waitForCompilation = true;
            for (int k = 1; k <= 10; k++) {
                String program = "(define (f" + k + " x) (+ x " + k + "))"
                        + " (let loop ((i 0) (s 0)) (if (= i 100) s (loop (+ i 1) (f" + k + " s))))";
                assertThat(t.evalInteger(program)).as("program %d", k).isEqualTo(100 * k);
            }
            assertThat(linked(t)).isEqualTo(2);
            assertThat(t.scheme.tieringStats().rounds()).isEqualTo(2);
        }
    }

    @Test
    void theCeilingMustBePositive() {
        assertThatThrownBy(() -> SchemeInterpreter.builder().maxJitModules(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the ceiling of JIT modules must be positive, was 0");
    }

    private static int linked(TestInterpreter t) {
        return t.scheme.instance().lateLinker().rounds();
    }
}
