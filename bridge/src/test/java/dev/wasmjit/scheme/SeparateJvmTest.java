package dev.wasmjit.scheme;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user sees from a fresh JVM: exactly the program's own lines (the library prints nothing), no SLF4J warning, no temp file. */
class SeparateJvmTest {

    @Test
    void aFreshJvmPrintsOnlyTheProgramsLinesAndLeavesNoTempFile(@TempDir Path tmp) throws Exception {
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"),
                Fib20Main.class.getName()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo("10946\n10946\n").doesNotContain("SLF4J");
        try (var files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }
}
