package dev.wasmjit.harness;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wasmjit repl} with standard input that is not a terminal: forms in, values out as
 * {@code $1 = VALUE}, no prompt, no escape codes; definitions persist, errors are one line and
 * the session goes on.
 */
class ReplScriptTest {

    static Wasmjit.CommandOutcome repl(String input, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[options.length + 1];
        args[0] = "repl";
        System.arraycopy(options, 0, args, 1, options.length);
        int status = Main.run(new ConsoleInput(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), false),
                new StandardStreams(new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)), args);
        return new Wasmjit.CommandOutcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void definitionsPersistAndEachValueIsNumberedInOrderWithUnspecifiedOnesLeftOut() {
        Wasmjit.CommandOutcome outcome = repl("""
                (define (fib n)
                  (if (< n 2)
                      1
                      (+ (fib (- n 1)) (fib (- n 2)))))
                (fib 20) (display "hello") (newline)
                ; a comment, then a block comment
                #| (fib 100) |#
                (list "a)" 'b)
                """);
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdoutLines()).containsExactly(
                "$1 = 10946",
                "hello",                   // display's text, then newline's line break: no values
                "$2 = (\"a)\" b)");
        assertThat(outcome.stderr()).isEmpty();
        assertThat(outcome.stdout()).doesNotContain("\u001b").doesNotContain("wasmjit>");
    }

    @Test
    void anErrorIsOneLineWithTheScriptsLineAndTheSessionGoesOn() {
        Wasmjit.CommandOutcome outcome = repl("""
                (define x 5)

                (+ x
                   y)
                (* x 2)
                """);
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stdoutLines()).containsExactly("$1 = 10");
        assertThat(outcome.stderrLines()).containsExactly("error: unbound variable: y at line 4, column 4");
    }

    @Test
    void jitStatsTimeAndHelpCommands() {
        Wasmjit.CommandOutcome outcome = repl("""
                ,jit
                (define (sq x) (* x x))
                (sq 7)
                ,jit
                (sq 8)
                ,stats
                ,time (sq
                       9)
                ,help
                """);
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        assertThat(outcome.stdoutLines().get(0)).startsWith("jit: nothing to compile");
        assertThat(outcome.stdoutLines().get(1)).isEqualTo("$1 = 49");
        assertThat(outcome.stdoutLines().get(2))
                .matches("jit: 1 function compiled into \\d+ bytes \\(\\d+ functions? with the patch\\) in [0-9.]+ ms; table \\d+ -> \\d+");
        assertThat(outcome.stdoutLines().get(3)).isEqualTo("$2 = 64");
        assertThat(outcome.stdout()).contains("compiled functions: 1 (0 ran since and wait for ,jit)",
                "jit rounds: 1, ", "collections: ", "heap: 1048576 bytes");
        assertThat(outcome.stdout()).containsPattern("\\$3 = 81\ntime: [0-9.]+ ms\n");
        assertThat(outcome.stdout()).contains(",quit");
    }

    @Test
    void entriesGiveTheirParsedProgramsBackSoGuestMemoryStaysFlat() {
        StringBuilder input = new StringBuilder("(define total 0)\n");
        for (int i = 0; i < 20_000; i++) {
            input.append("(set! total (+ total ").append(i % 7).append("))\n").append(i == 1_000 ? ",stats\n" : "");
        }
        input.append("total\n,stats\n");
        Wasmjit.CommandOutcome outcome = repl(input.toString());
        assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        java.util.List<Long> memory = outcome.stdoutLines().stream().filter(line -> line.startsWith("heap: "))
                .map(line -> Long.parseLong(line.replaceAll(".*guest memory (\\d+) bytes", "$1"))).toList();
        // about 1.5 KB an entry when entries were kept: 28 MB
        assertThat(memory.get(1) - memory.get(0)).as("guest memory grown over 19,000 entries, in bytes").isLessThan(2L << 20);
        assertThat(outcome.stdout()).contains("$1 = 59997");
    }

    @Test
    void quitStopsReadingAndAnUnknownCommandIsAnError() {
        Wasmjit.CommandOutcome outcome = repl(",frobnicate\n(+ 1 2)\n,quit\n(+ 3 4)\n");
        assertThat(outcome.stdoutLines()).containsExactly("$1 = 3");
        assertThat(outcome.stderrLines()).containsExactly("error: unknown command ,frobnicate (,help lists the commands)");
        assertThat(outcome.exitCode()).isEqualTo(1);
    }

    @Test
    void inputEndingInsideAFormIsTheGuestsParseError() {
        Wasmjit.CommandOutcome outcome = repl("(+ 1 2)\n(display (list 1\n");
        assertThat(outcome.stdoutLines()).containsExactly("$1 = 3");
        assertThat(outcome.stderr()).startsWith("error: parse error at line 2").contains("never closed");
    }

    @Test
    void aTimeoutEndsOneFormAndTheNextRuns() {
        Wasmjit.CommandOutcome outcome = repl("(let loop () (loop))\n(+ 1 2)\n", "--timeout", "200ms");
        assertThat(outcome.stderrLines()).containsExactly("error: timed out: stopped after the --timeout of 200ms");
        assertThat(outcome.stdoutLines()).containsExactly("$1 = 3");
    }

    @Test
    void anEntryOfFortyThousandLinesRuns() {
        StringBuilder entry = new StringBuilder("(length '(\n");
        for (int i = 0; i < 40_000; i++) {
            entry.append("  (item ").append(i).append(" \"a string\") ; a comment (\n");
        }
        entry.append("))\n(+ 1 2)\n");
        Wasmjit.CommandOutcome outcome = repl(entry.toString(), "--max-heap", "64m");
        assertThat(outcome.stdoutLines()).as(outcome.toString()).containsExactly("$1 = 40000", "$2 = 3");
        assertThat(outcome.exitCode()).isZero();
    }

    @Test
    void aClosedStandardInputEndsTheSessionAtOnceWithNothingRead() throws Exception {
        // as `wasmjit repl <&-`: the JVM's first file takes descriptor 0
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder("sh", "-c", "exec \"$0\" -cp \"$1\" dev.wasmjit.harness.Main repl <&-",
                javaBin, System.getProperty("java.class.path")).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).as("ended").isTrue();
        assertThat(process.exitValue()).as(out + err).isZero();
        assertThat(out).isEmpty();
        assertThat(err).isEmpty();
    }

    @Test
    void theJvmsOwnFilesOnDescriptorZeroMeanStandardInputWasClosed() {
        java.nio.file.Path home = java.nio.file.Path.of("/usr/lib/jvm/java-17");
        assertThat(ConsoleInput.isJvmsOwnFile(java.nio.file.Path.of("/usr/lib/jvm/java-17/lib/modules"), home, "")).isTrue();
        assertThat(ConsoleInput.isJvmsOwnFile(java.nio.file.Path.of("/opt/wasmjit.jar"), home, "/opt/wasmjit.jar")).isTrue();
        assertThat(ConsoleInput.isJvmsOwnFile(java.nio.file.Path.of("/home/me/session.scm"), home, "/opt/wasmjit.jar")).isFalse();
        assertThat(ConsoleInput.isJvmsOwnFile(java.nio.file.Path.of("pipe:[1234]"), home, "")).isFalse();
        assertThat(ConsoleInput.isJvmsOwnFile(java.nio.file.Path.of("/dev/null"), home, "")).isFalse();
    }
}
