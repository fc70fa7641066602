package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestTimeout;
import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.TrapKind;
import dev.wasmjit.nativeconfig.EngineSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** After each kind of failure the same interpreter parses, evaluates and runs linked code. */
class RecoveryTest {

    @Test
    void anUnboundIdentifierIsAGuestErrorAndTheInterpreterWorksOn() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression fib = linkedFib(t);
            assertThatThrownBy(() -> t.scheme.eval(t.scheme.parse("(+ x 1)")))
                    .isInstanceOf(GuestError.class).hasMessageContaining("unbound identifier: x");
            assertThat(t.stderrText()).contains("error: unbound identifier: x");
            assertWorksOn(t, fib);
        }
    }

    @Test
    void aParseErrorSaysLineAndColumn() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression fib = linkedFib(t);
            assertThatThrownBy(() -> t.scheme.parse("(+ 1\n  (* 2 3)"))
                    .isInstanceOf(GuestError.class).hasMessageContaining("line").hasMessageContaining("column");
            assertWorksOn(t, fib);
        }
    }

    @Test
    void recursionAMillionDeepIsRefusedByTheGuestAndTheInterpreterWorksOn() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression fib = linkedFib(t);
            assertThatThrownBy(() -> t.scheme.eval(t.scheme.parse(TestInterpreter.DEEP_RECURSION)))
                    .isInstanceOf(GuestError.class).hasMessageContaining("recursion too deep");
            assertWorksOn(t, fib);
        }
    }

    @Test
    void aWasmStackOverflowTrapsAndTheInterpreterWorksOn() {
        // the guest allows 10,000 nested calls; a 64 KiB wasm stack runs out long before that
        EngineSettings smallStack = EngineSettings.defaults().withMaxWasmStackBytes(64 << 10);
        try (TestInterpreter t = TestInterpreter.start(b -> b.engineSettings(smallStack))) {
            Expression fib = linkedFib(t);
            int stackPointer = t.scheme.instance().requireFunction("stackPointer").callI32();
            Expression deep = t.scheme.parse(
                    "(letrec ((down (lambda (n) (if (eq? n 0) 0 (+ 1 (down (- n 1))))))) (down 1500))");
            assertThatThrownBy(() -> t.scheme.eval(deep))
                    .isInstanceOfSatisfying(GuestTrap.class,
                            trap -> assertThat(trap.kind()).isEqualTo(TrapKind.STACK_OVERFLOW))
                    .hasMessageContaining("stack overflow");
            assertThat(t.scheme.instance().requireFunction("stackPointer").callI32()).isEqualTo(stackPointer);
            assertWorksOn(t, fib);
        }
    }

    @Test
    void anEndlessLoopTimesOutAndTheInterpreterWorksOn() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression fib = linkedFib(t);
            Expression loop = t.scheme.parse("(letrec ((f (lambda (n) (f n)))) (f 1))");
            assertThatThrownBy(() -> t.scheme.eval(loop, SchemeInterpreter.DEFAULT_HEAP_BYTES, Duration.ofMillis(300)))
                    .isInstanceOf(GuestTimeout.class);
            assertWorksOn(t, fib);
        }
    }

    private static Expression linkedFib(TestInterpreter t) {
        Expression fib = t.scheme.parse(TestInterpreter.FIB_20);
        t.scheme.eval(fib);
        t.scheme.link(t.scheme.jit().orElseThrow());
        return fib;
    }

    private static void assertWorksOn(TestInterpreter t, Expression linkedFib) {
        int compiled = t.scheme.compiledFunctionCount().orElseThrow();
        assertThat(t.scheme.eval(linkedFib).asInteger()).isEqualTo(10946);
        assertThat(t.evalInteger("(+ 40 2)")).isEqualTo(42);
        assertThat(t.scheme.compiledFunctionCount()).hasValue(compiled);
    }
}
