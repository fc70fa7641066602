package dev.wasmjit.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, as a user runs it: {@code java -jar harness/target/wasmjit.jar}. Its lines
 * come out one by one and in order whether stdout is a pipe, a file or a terminal.
 */
class PackagedJarIT {

    @TempDir
    Path directory;

    @Test
    void theDefaultRunStreamsItsLinesThroughAPipeInOrder() throws Exception {
        Process process = new ProcessBuilder(Wasmjit.jarCommand())
                .redirectError(directory.resolve("stderr").toFile())
                .start();
        List<String> lines = new ArrayList<>();
        boolean aliveAtFirstEval = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("Calling eval(") && lines.stream().noneMatch(l -> l.startsWith("Calling eval("))) {
                    // ten evaluations of fib 30 are still to come: a buffered stdout would show nothing yet
                    aliveAtFirstEval = process.isAlive();
                }
                lines.add(line);
            }
        }
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        DropInTranscript.assertLines(lines, 30, 5, 1346269, DropInOutputTest.BUNDLED_JIT_MODULE);
        assertThat(aliveAtFirstEval).as("the first lines arrived while the program was still running").isTrue();
        assertThat(Files.readString(directory.resolve("stderr"))).isEmpty();
    }

    @Test
    void theJarCarriesTheReportButNotJmh() throws IOException {
        // docs/DESIGN.md, "Why the harness depends on bench": the report comes along, JMH does not.
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(System.getProperty("wasmjit.jar"))) {
            List<String> names = jar.stream().map(java.util.jar.JarEntry::getName).toList();
            assertThat(names).contains("dev/wasmjit/bench/report/ReportCommand.class");
            assertThat(names).noneMatch(name -> name.startsWith("org/openjdk/jmh/"))
                    .noneMatch(name -> name.startsWith("dev/wasmjit/bench/jmh_generated/"));
        }
    }

    @Test
    void linesKeepTheirOrderInAFile() throws Exception {
        Path file = directory.resolve("out.txt");
        Process process = new ProcessBuilder(Wasmjit.jarCommand("--fib", "20"))
                .redirectOutput(file.toFile())
                .redirectError(directory.resolve("stderr").toFile())
                .start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).isZero();
        DropInTranscript.assertLines(Files.readAllLines(file), 20, 5, 10946, DropInOutputTest.BUNDLED_JIT_MODULE);
    }

    @Test
    void linesKeepTheirOrderOnATerminal() throws Exception {
        // script(1) runs the command on a new pseudo-terminal; util-linux's and BSD's (macOS)
        // take the command differently
        List<String> jar = Wasmjit.jarCommand("--fib", "20");
        List<String> script = new ArrayList<>(List.of("script", "-q"));
        if (System.getProperty("os.name").startsWith("Mac")) {
            script.add("/dev/null");
            script.addAll(jar);
        } else {
            script.addAll(List.of("-ec", jar.stream().map(PackagedJarIT::shellQuote).collect(Collectors.joining(" ")), "/dev/null"));
        }
        Process process;
        try {
            process = new ProcessBuilder(script)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError("this test needs script(1) to give the jar a terminal, and it cannot be"
                    + " started (" + e.getMessage() + "); on Debian and Ubuntu it is in the package bsdutils", e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = output.replace("\r", "").lines().toList();
        DropInTranscript.assertLines(lines, 20, 5, 10946, DropInOutputTest.BUNDLED_JIT_MODULE);
    }

    @Test
    void aProgramErrorIsOneLineOnStderrAndExitStatusOne() throws Exception {
        Process process = new ProcessBuilder(Wasmjit.jarCommand("run", "-e", "(+ x 1)")).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(stdout).isEmpty();
        assertThat(stderr).isEqualTo("error: unbound variable: x at line 1, column 4\n");
    }

    @Test
    void aStdoutThatCannotBeWrittenIsReportedWithExitStatusOneAsCatDoes() throws Exception {
        Process process = new ProcessBuilder(Wasmjit.jarCommand("run", "-e", "(+ 1 2)"))
                .redirectOutput(new java.io.File("/dev/full")).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(stderr).isEqualTo("error: could not write to standard output: No space left on device\n");
    }

    @Test
    void anEndlessSourceFileIsRefusedWithOneLine() throws Exception {
        Process process = new ProcessBuilder(Wasmjit.jarCommand("run", "/dev/zero")).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(stdout).isEmpty();
        assertThat(stderr).isEqualTo("error: cannot read /dev/zero: a source may be at most 16 MiB\n");
    }

    private static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
