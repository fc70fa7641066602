package example;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The example a new user copies really runs, and prints what its comments say. */
class FirstProgramTest {

    @Test
    void printsTheInterpretedAndCompiledResultThenTheErrorItCaught() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            FirstProgram.main(new String[0]);
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        // The guest's error line goes to stderr, as the example's comment says; captured, it
        // stays out of the build's log, where a passing test should print nothing.
        assertThat(capturedErr.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("error: unbound variable: x at line 1, column 4");
        assertThat(captured.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "result: 121393",
                "result: 121393",
                "fib 25 = 121393",
                "caught: unbound variable: x at line 1, column 4");
    }
}
