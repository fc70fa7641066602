package dev.wasmjit.harness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A failing program exits with status 1 and one 'error:' line on stderr, never a stack trace. */
class RunErrorTest {

    @Test
    void anUnboundIdentifierNamesTheIdentifier() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "-e", "(+ x 1)");

        assertProgramError(run, "error: unbound variable: x");
    }

    @Test
    void aHeapThatMayNotGrowPastMaxHeapIsOneErrorLine() {
        String build = "(define (build n acc) (if (= n 0) acc (build (- n 1) (cons n acc)))) ";
        Wasmjit.CommandOutcome grows = Wasmjit.run("run", "-e", build + "(length (build 1000000 '()))");
        assertThat(grows.stdoutLines()).as(grows.toString()).containsExactly("result: 1000000");

        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--max-heap", "4m", "-e", build + "(length (build 1000000 '()))");
        assertProgramError(run, "error: heap exhausted: live data fills the 4194304-byte heap after a collection");
    }

    @Test
    void aParseErrorSaysLineAndColumn() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "-e", "(+ 1\n  (* 2");

        assertProgramError(run, "error: parse error at line 2, column 3: unexpected end of input: '(' is never closed");
    }

    @Test
    void anExactDivisionByZeroIsAnErrorNamingTheProcedure() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "-e", "(/ 1000000 0)");

        assertProgramError(run, "error: division by zero: /");
    }

    @Test
    void aRunawayProgramIsStoppedByTheTimeout() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--timeout", "200ms", "-e",
                "(letrec ((forever (lambda (n) (forever n)))) (forever 1))");

        assertProgramError(run, "error: timed out: stopped after the --timeout of 200ms");
    }

    @Test
    void recursionTooDeepIsAnErrorNotACrash() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "-e",
                "(letrec ((down (lambda (n) (if (eq? n 0) 0 (+ 1 (down (- n 1))))))) (down 3000000))");

        assertProgramError(run, "error: recursion too deep: more than 2000000 nested calls");
    }

    @Test
    void maxNestedCallsSetsTheLimit() {
        String down = "(define (down n) (if (eq? n 0) 0 (+ 1 (down (- n 1)))))";
        assertProgramError(Wasmjit.run("run", "--max-nested-calls", "1000", "-e", down + " (down 1000)"),
                "error: recursion too deep: more than 1000 nested calls");
        Wasmjit.CommandOutcome within = Wasmjit.run("run", "--max-nested-calls", "1000", "-e", down + " (down 999)");
        assertThat(within.exitCode()).as(within.toString()).isZero();
        assertThat(within.stdout()).contains("999");
    }

    @Test
    void anErrorInTheDropInDemoIsReportedTheSameWay() {
        Wasmjit.CommandOutcome run = Wasmjit.run("--fib", "32", "--timeout", "1ms");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderrLines()).containsExactly("error: timed out: stopped after the --timeout of 1ms");
    }

    @Test
    void aProgramPrintingWithoutEndStopsAtTheFirstWriteIntoAClosedPipe() {
        Wasmjit.CommandOutcome run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofMinutes(2), // a guard against a hang, not a bound on the time
                () -> Wasmjit.runIntoPipeClosedAfter(2, "run", "-e", "(define (f i) (display i) (newline) (f (+ i 1))) (f 0)"));

        assertThat(run.stdoutLines()).containsExactly("0", "1");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderrLines()).as(run.toString()).singleElement().asString()
                .startsWith("error: could not write to standard output");
    }

    @Test
    void aReplWhoseOutputPipeClosedEndsAtTheFirstFailedWrite() {
        String forms = "(define (f i) (display i) (newline) (if (< i 5) (f (+ i 1)) 'done))\n(f 0)\n(f 0)\n(f 0)\n";
        Wasmjit.CommandOutcome run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofMinutes(2), // a guard against a hang, not a bound on the time
                () -> Wasmjit.runIntoPipeClosedAfter(3, new ConsoleInput(
                        new java.io.ByteArrayInputStream(forms.getBytes(java.nio.charset.StandardCharsets.UTF_8)), false), "repl"));

        assertThat(run.stdoutLines()).hasSize(3);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderrLines()).as(run.toString()).singleElement().asString()
                .startsWith("error: could not write to standard output");
    }

    private static void assertProgramError(Wasmjit.CommandOutcome run, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderrLines()).as(run.toString()).singleElement().asString().startsWith(message);
        assertThat(run.stdout()).as("no result line").doesNotContain("result:");
        assertThat(run.stderr()).doesNotContain("Exception", "\tat ");
    }
}
