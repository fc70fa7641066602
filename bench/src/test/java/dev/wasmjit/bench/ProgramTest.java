package dev.wasmjit.bench;

import dev.wasmjit.junit.WasmjitTest;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.wasmjit.junit.WasmjitAssertions.assertThat;
import static dev.wasmjit.junit.WasmjitAssertions.assertThatThrownBy;

@WasmjitTest
class ProgramTest {

    @Test
    void exampleListMatchesTheExamplesDirectory() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".scm"))
                    .map(f -> f.substring(0, f.length() - ".scm".length())))
                    .containsExactlyInAnyOrderElementsOf(Program.EXAMPLE_NAMES);
        }
    }

    @Test
    void suiteListMatchesTheProgramsDirectory() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("programs"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".scm"))
                    .map(f -> f.substring(0, f.length() - ".scm".length())))
                    .containsExactlyInAnyOrderElementsOf(Program.SUITE_NAMES);
        }
        assertThat(Program.named("suite/tak").source()).contains("(tak 22 16 8)");
        assertThat(Program.named("tak").source()).isEqualTo(Program.example("tak").source());
    }

    @Test
    void generatedProgramsGiveTheirResultOnTheGuest(SchemeInterpreter scheme) {
        for (Program program : new Program[] {Program.fib(15), Program.withFunctions(1000), Program.named("closures")}) {
            assertThat(scheme.eval(scheme.parse(program.source()))).as(program.name()).hasWrittenForm(program.expected());
        }
        assertThat(scheme.pendingJitCount().orElseThrow()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void unknownProgramNameSaysWhatExists() {
        assertThatThrownBy(() -> Program.named("fibonacci"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fibonacci").hasMessageContaining("fib(N)");
    }
}
