package dev.wasmjit.harness;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** run evaluates a program given as text or as a file, and runs JIT rounds on request. */
class RunCommandTest {

    private static final String CURRIED_LOOP = """
            (letrec ((sum (lambda (n)
                            (lambda (acc)
                              (if (eq? n 0) acc ((sum (- n 1)) (+ acc n)))))))
              ((sum 100) 0))
            """;

    @Test
    void evaluatesAnExpressionGivenOnTheCommandLine() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "-e", "(* 6 7)");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("result: 42\n");
    }

    @Test
    void theProgramReadsDataFromTheProcessStandardInput() {
        Wasmjit.CommandOutcome run = Wasmjit.runWithInput("(1 2)\nfoo 42\n",
                "run", "-e", "(let* ((a (read)) (b (read)) (c (read))) (list a b c (eof-object? (read))))");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).isEqualTo("result: ((1 2) foo 42 #t)\n");
    }

    @Test
    void theProgramReadsLinesOfUnicodeTextFromStandardInput() {
        Wasmjit.CommandOutcome run = Wasmjit.runWithInput("first line\nλ second\n",
                "run", "-e", "(list (read-line) (read-line) (eof-object? (read-line)))");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).isEqualTo("result: (\"first line\" \"λ second\" #t)\n");
    }

    @Test
    void printsAProcedureResultAsTheGuestDoes() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "-e", "(lambda (x) x)");

        assertThat(run.stdout()).isEqualTo("result: #<procedure>\n");
    }

    @Test
    void jitEvaluatesOnceInterpretedAndOnceCompiled() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--jit", "-e", CURRIED_LOOP);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdoutLines()).containsExactly("result: 5050", "result: 5050");
    }

    @Test
    void roundsRunThatManyJitRoundsThenAFinalEvaluation() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--rounds", "3", "--stats", "-e", CURRIED_LOOP);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = run.stdoutLines();
        assertThat(lines).hasSize(7);
        assertThat(List.of(lines.get(0), lines.get(2), lines.get(4), lines.get(6))).containsOnly("result: 5050");
        assertThat(lines.get(3)).isEqualTo("jit round 2: nothing to compile");
        assertThat(lines.get(5)).isEqualTo("jit round 3: nothing to compile");
    }

    @Test
    void statsSayWhatWasCompiledAndHowTheTableGrew() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--jit", "--stats", "-e", CURRIED_LOOP);

        Matcher stats = Pattern.compile(
                "jit round 1: 2 functions compiled into (\\d+) bytes \\(\\d+ functions with the patch\\), table (\\d+) -> (\\d+)")
                .matcher(run.stdoutLines().get(1));
        assertThat(stats.matches()).as(run.stdoutLines().get(1)).isTrue();
        assertThat(Integer.parseInt(stats.group(1))).isGreaterThan(8);
        assertThat(Integer.parseInt(stats.group(3)) - Integer.parseInt(stats.group(2))).isEqualTo(2);
    }

    @Test
    void statsAloneRunsOneJitRound() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--stats", "-e", CURRIED_LOOP);

        assertThat(run.stdoutLines()).hasSize(3).element(1).asString().startsWith("jit round 1: ");
    }

    @Test
    void aWholeFileIsOneProgram() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", Examples.named("factorial.scm").file().toString());

        assertThat(run.stdout()).isEqualTo("result: 479001600\n");
    }
}
