package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code eval(String)}: a program's text in, the value of its last form out. */
class EvalStringTest {

    @Test
    void everyTopLevelFormRunsInOrderAndTheLastGivesTheValue() {
        try (TestInterpreter t = TestInterpreter.start()) {
            SchemeValue value = t.scheme.eval("(define a 1) (set! a (+ a 1)) (display a) (* a 21)");

            assertThat(value.asInteger()).isEqualTo(42);
            assertThat(t.stdoutText()).isEqualTo("2");
        }
    }

    @Test
    void definitionsPersistFromOneEvalToTheNext() {
        try (TestInterpreter t = TestInterpreter.start()) {
            t.scheme.eval("(define (square x) (* x x))");

            assertThat(t.scheme.eval("(square 12)").asInteger()).isEqualTo(144);
        }
    }

    @Test
    void aProgramThatDoesNotParseIsAGuestErrorWithItsPlace() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThatThrownBy(() -> t.scheme.eval("(+ 1 2"))
                    .isInstanceOf(GuestError.class).hasMessageContaining("line 1");
            assertThat(t.scheme.eval("(+ 1 2)").asInteger()).isEqualTo(3);
        }
    }
}
