package dev.wasmjit.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** With no command, wasmjit prints what the seed's interp.py prints, line for line. */
class DropInOutputTest {

    static final String BUNDLED_JIT_MODULE = "<JitModule: \\d+ bytes, \\d+ functions, 1 compiled>";

    @Test
    void printsTheSeedsLinesInTheSeedsOrder() {
        Wasmjit.CommandOutcome run = Wasmjit.run("--fib", "15");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        DropInTranscript.assertLines(run.stdoutLines(), 15, 5, 987, BUNDLED_JIT_MODULE);
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void theDefaultRunIsFib30FiveTimesBeforeAndAfterTheJit() {
        Wasmjit.CommandOutcome run = Wasmjit.run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        DropInTranscript.assertLines(run.stdoutLines(), 30, 5, 1346269, BUNDLED_JIT_MODULE);
    }

    @Test
    void iterationsSetsTheEvaluationsOfEachRound() {
        Wasmjit.CommandOutcome run = Wasmjit.run("--fib", "10", "--iterations", "2");

        DropInTranscript.assertLines(run.stdoutLines(), 10, 2, 89, BUNDLED_JIT_MODULE);
    }

    @Test
    void noJitStopsAfterTheInterpretedRound() {
        Wasmjit.CommandOutcome run = Wasmjit.run("--fib", "10", "--no-jit");

        assertThat(run.exitCode()).isZero();
        DropInTranscript.assertLines(run.stdoutLines(), 10, 5, 89, null);
    }

    @Test
    void jsonPrintsOneObjectWithTheTimingsAndNothingElse() {
        Wasmjit.CommandOutcome run = Wasmjit.run("--fib", "12", "--iterations", "3", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdoutLines()).singleElement().satisfies(json -> assertThat(json)
                .startsWith("{\"module\": \"bundled\", \"fib\": 12, \"iterations\": 3, \"heapBytes\": 1048576, \"program\": null, ")
                .contains("\"result\": 233, ")
                .containsPattern("\"interpretedSeconds\": " + DropInTranscript.PYTHON_FLOAT + ", ")
                .containsPattern("\"interpretedEvalSeconds\": \\[[^,\\]]+, [^,\\]]+, [^,\\]]+\\]")
                .containsPattern("\"jitModule\": \\{\"bytes\": \\d+, \"functions\": \\d+, \"compiled\": 1\\}")
                .containsPattern("\"link\": \\{\"namespace\": \"jit-1\", \"tableSizeBefore\": (\\d+), \"tableSizeAfter\": \\d+\\}")
                .containsPattern("\"jitSeconds\": " + DropInTranscript.PYTHON_FLOAT + ", ")
                .endsWith("}"));
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void jsonWithoutJitHasNullJitFields() {
        Wasmjit.CommandOutcome run = Wasmjit.run("--fib", "5", "--json", "--no-jit");

        assertThat(run.stdout()).contains("\"jitModule\": null, \"link\": null, \"jitSeconds\": null,");
    }

    @Test
    void aHeapTooSmallForTheProgramIsAProgramError(@TempDir Path dir) throws IOException {
        // The smallest heap the command line accepts, and one that may not grow: the program does not fit.
        Path program = Files.writeString(dir.resolve("build.scm"),
                "(define (build n acc) (if (= n 0) acc (build (- n 1) (cons n acc)))) (length (build 100000 '()))");
        Wasmjit.CommandOutcome run = Wasmjit.run("--program", program.toString(), "--heap-size", "4k", "--max-heap", "4k");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderrLines()).singleElement().asString().startsWith("error: heap exhausted");
    }

    @Test
    void aHeapSizeTakesKibAndMibSuffixes() {
        Wasmjit.CommandOutcome run = Wasmjit.run("--fib", "5", "--json", "--no-jit", "--heap-size", "2m");

        assertThat(run.stdout()).contains("\"heapBytes\": 2097152");
    }

    static final String PROGRAM = """
            ; a program file: definitions, then the expression whose value is the result
            (define (square x) (* x x))
            (define (squares n) (if (= n 0) '() (cons (square n) (squares (- n 1)))))
            (list (squares 3) 'done)
            """;

    @Test
    void programRunsAFileWithTheSameProtocolAndLines(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("squares.scm"), PROGRAM);

        Wasmjit.CommandOutcome run = Wasmjit.run("--program", file.toString(), "--iterations", "2");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        DropInTranscript.assertLines(run.stdoutLines(), PROGRAM, 2, "((9 4 1) done)",
                "<JitModule: \\d+ bytes, \\d+ functions, 2 compiled>");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void programWithJsonNamesTheFileAndWritesTheResult(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("squares.scm"), PROGRAM);

        Wasmjit.CommandOutcome run = Wasmjit.run("--program", file.toString(), "--iterations", "1", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdoutLines()).singleElement().satisfies(json -> assertThat(json)
                .startsWith("{\"module\": \"bundled\", \"fib\": null, \"iterations\": 1, \"heapBytes\": 1048576, "
                        + "\"program\": \"" + file.toString().replace("\\", "\\\\") + "\", ")
                .contains("\"result\": \"((9 4 1) done)\", ")
                .containsPattern("\"jitModule\": \\{\"bytes\": \\d+, \"functions\": \\d+, \"compiled\": 2\\}"));
    }

    @Test
    void programAndFibTogetherAreAUsageError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("squares.scm"), PROGRAM);

        Wasmjit.CommandOutcome run = Wasmjit.run("--fib", "10", "--program", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--fib and --program exclude each other");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aMissingProgramFileIsAUsageError(@TempDir Path dir) {
        Wasmjit.CommandOutcome run = Wasmjit.run("--program", dir.resolve("absent.scm").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("no such file: ");
    }
}
