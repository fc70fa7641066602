package example;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The example a new user copies really runs, and prints what its comments say. */
class FirstProgramTest {

    @Test
    void printsOnlyItsOwnLinesTheInterpretedAndCompiledResultAndTheErrorItCaught() {
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
        // The library prints nothing of its own: no result lines, no error line for the error caught.
        assertThat(capturedErr.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(captured.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "interpreted: 75025",
                "compiled: 75025",
                "[1, 1, 2, 3, 5]",
                "caught: unbound variable: x at line 1, column 4");
    }
}
