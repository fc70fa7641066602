package dev.wasmjit.harness;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every program in examples/ gives the result its '; expect:' line states, interpreted and compiled. */
class RunExamplesTest {

    static List<ExampleProgram> examples() {
        return ExampleProgram.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void interpretedGivesTheExpectedResult(ExampleProgram example) {
        Wasmjit.Outcome run = Wasmjit.run("run", example.file().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdoutLines()).containsExactly("result: " + example.expected());
        assertThat(run.stderr()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void compiledAndLinkedGivesTheExpectedResult(ExampleProgram example) {
        Wasmjit.Outcome run = Wasmjit.run("run", "--jit", "--stats", example.file().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = run.stdoutLines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("result: " + example.expected());
        assertThat(lines.get(1)).as("something was compiled and linked")
                .matches("jit round 1: [1-9]\\d* functions? compiled into \\d+ bytes .*");
        assertThat(lines.get(2)).isEqualTo("result: " + example.expected());
    }
}
