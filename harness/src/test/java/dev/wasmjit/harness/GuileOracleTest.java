package dev.wasmjit.harness;

import dev.wasmjit.junit.SchemeProgram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The '; expect:' (and '; output:') lines of every program in examples/, examples/kernels/ and
 * bench/programs/ are what real Schemes print: each program runs on Guile 3 (and on Chez
 * Scheme, where it is installed) through scripts/scheme-oracle, which evaluates the top-level forms one by one as
 * our guest does and prints {@code result: } and the last value's write form. Skipped where
 * the Scheme system is not installed; CI installs guile-3.0, so there this always runs.
 */
class GuileOracleTest {

    private static final long TIMEOUT_SECONDS = 120;

    static List<SchemeProgram> programs() {
        return Stream.of(Examples.all(), Examples.kernels(), SchemeProgram.readAll(Examples.benchDirectory()))
                .flatMap(List::stream).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void guilePrintsTheExpectedOutputAndResult(SchemeProgram program) throws Exception {
        assumeTrue(onPath("guile"), "Guile is not installed (no 'guile' on the PATH; apt-get install -y guile-3.0):"
                + " the examples' expected results are not checked against Guile");

        assertThat(oracle("--guile", program)).containsExactlyElementsOf(program.expectedStdout());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void chezPrintsTheExpectedOutputAndResult(SchemeProgram program) throws Exception {
        assumeTrue(onPath("scheme"), "Chez Scheme is not installed (no 'scheme' on the PATH; apt-get install -y"
                + " chezscheme): the examples' expected results are not checked against Chez");

        assertThat(oracle("--chez", program)).containsExactlyElementsOf(program.expectedStdout());
    }

    /** The lines scripts/scheme-oracle prints for the program; fails unless it exits with 0. */
    private static List<String> oracle(String system, SchemeProgram program) throws IOException, InterruptedException {
        Path script = Examples.directory().resolveSibling("scripts").resolve("scheme-oracle");
        Path stderr = Files.createTempFile("scheme-oracle", ".err");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), system, program.file().toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(stderr.toFile())
                    .start();
            List<String> lines = new ArrayList<>();
            try (var out = process.inputReader(StandardCharsets.UTF_8)) {
                out.lines().forEach(lines::add);
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(script + " " + system + " " + program + " ran over " + TIMEOUT_SECONDS + " s");
            }
            assertThat(process.exitValue()).as("%s %s %s failed; stdout %s, stderr:%n%s", script.getFileName(), system,
                    program, lines, Files.readString(stderr)).isZero();
            return lines;
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, executable)));
    }
}
