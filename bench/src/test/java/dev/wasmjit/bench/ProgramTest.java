package dev.wasmjit.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void generatedProgramsGiveTheirResultOnTheGuest() {
        try (var scheme = Guest.bundled().open()) {
            for (Program program : new Program[] {Program.fib(15), Program.withFunctions(1000), Program.named("closures")}) {
                assertThat(scheme.eval(scheme.parse(program.source())).toString())
                        .as(program.name()).isEqualTo(program.expected());
            }
            assertThat(scheme.pendingJitCount().orElseThrow()).isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void unknownProgramNameSaysWhatExists() {
        assertThatThrownBy(() -> Program.named("fibonacci"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fibonacci").hasMessageContaining("fib(N)");
    }
}
