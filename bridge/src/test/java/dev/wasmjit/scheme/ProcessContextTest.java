package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestExit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** (scheme process-context): the arguments and environment the builder gives, and exit. */
class ProcessContextTest {

    private static SchemeValue eval(TestInterpreter t, String source) {
        return t.scheme.eval(t.scheme.parse(source));
    }

    @Test
    void theGuestSeesNoArgumentsAndNoEnvironmentUnlessGiven() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThat(eval(t, "(list (command-line) (get-environment-variables) (get-environment-variable \"HOME\"))"))
                    .hasToString("(() () #f)");
        }
    }

    @Test
    void theGuestSeesTheArgumentsAndEnvironmentTheBuilderGives() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.arguments(List.of("prog.scm", "λ arg"))
                .environment(Map.of("COLOUR", "blue", "EMPTY", "")))) {
            assertThat(eval(t, "(command-line)")).hasToString("(\"prog.scm\" \"λ arg\")");
            assertThat(eval(t, "(list (get-environment-variable \"COLOUR\") (get-environment-variable \"EMPTY\") (get-environment-variable \"NONE\"))"))
                    .hasToString("(\"blue\" \"\" #f)");
            assertThat(eval(t, "(get-environment-variables)")).hasToString("((\"COLOUR\" . \"blue\") (\"EMPTY\" . \"\"))");
        }
    }

    @Test
    void exitIsAGuestExitWithTheCodeAndTheInterpreterWorksOn() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThatThrownBy(() -> eval(t, "(exit 3)")).isInstanceOf(GuestExit.class)
                    .satisfies(e -> assertThat(((GuestExit) e).code()).isEqualTo(3));
            assertThatThrownBy(() -> eval(t, "(exit #f)")).satisfies(e -> assertThat(((GuestExit) e).code()).isEqualTo(1));
            assertThat(eval(t, "(+ 1 2)").asInteger()).isEqualTo(3);
        }
    }

    @Test
    void exitRunsTheAfterThunksOfTheDynamicWindsInForceInnermostFirst() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThatThrownBy(() -> eval(t, """
                    (dynamic-wind
                      (lambda () (display "in "))
                      (lambda () (dynamic-wind (lambda () #f) (lambda () (exit 4)) (lambda () (display "inner "))))
                      (lambda () (display "outer")))
                    """)).satisfies(e -> assertThat(((GuestExit) e).code()).isEqualTo(4));
            assertThat(t.stdoutText()).isEqualTo("in inner outer");
            assertThat(eval(t, "(dynamic-wind (lambda () 1) (lambda () 2) (lambda () 3))").asInteger()).isEqualTo(2);
        }
    }
}
