package dev.wasmjit.harness;

import dev.wasmjit.junit.SchemeProgram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every program in examples/ and examples/kernels/ prints the lines its '; output:' lines
 * state (usually none) and gives the result its '; expect:' line states, interpreted, after
 * one JIT round and after two.
 */
class RunExamplesTest {

    static List<SchemeProgram> examples() {
        return Stream.concat(Examples.all().stream(), Examples.kernels().stream()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void interpretedGivesTheExpectedResult(SchemeProgram example) {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", example.file().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdoutLines()).containsExactlyElementsOf(example.expectedStdout());
        assertThat(run.stderr()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void compiledAndLinkedGivesTheExpectedResult(SchemeProgram example) {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--jit", "--stats", example.file().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = run.stdoutLines();
        List<String> round = example.expectedStdout();
        assertThat(lines).as(run.toString()).hasSize(2 * round.size() + 1);
        assertThat(lines.subList(0, round.size())).containsExactlyElementsOf(round);
        assertThat(lines.get(round.size())).as("something was compiled and linked")
                .matches("jit round 1: [1-9]\\d* functions? compiled into \\d+ bytes .*");
        assertThat(lines.subList(round.size() + 1, lines.size())).containsExactlyElementsOf(round);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void afterTwoJitRoundsGivesTheExpectedResult(SchemeProgram example) {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--rounds", "2", "--stats", example.file().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = run.stdoutLines();
        List<String> round = example.expectedStdout();
        int each = round.size() + 1;
        assertThat(lines).as(run.toString()).hasSize(3 * round.size() + 2);
        for (int r = 0; r < 3; r++) {
            assertThat(lines.subList(r * each, r * each + round.size())).as("evaluation %d", r + 1)
                    .containsExactlyElementsOf(round);
        }
        assertThat(lines.get(round.size())).matches("jit round 1: [1-9]\\d* functions? compiled into \\d+ bytes .*");
        assertThat(lines.get(2 * round.size() + 1))
                .matches("jit round 2: (nothing to compile|[1-9]\\d* functions? compiled into \\d+ bytes .*)");
    }
}
