package dev.wasmjit.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher script {@code ./wasmjit}: when it rebuilds the jar, and how. It runs in a copy
 * of the repository's layout whose {@code mvn} and {@code java} are stand-ins: {@code mvn}
 * records each call and writes the jar (or fails with a long log), {@code java} prints its
 * arguments. So the script's own decisions are tested, in seconds, without a real build.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "wasmjit");
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    Path root;

    private Path calls;
    private Path temp;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void layOutACheckout() throws IOException {
        Files.copy(LAUNCHER, root.resolve("wasmjit"));
        executable(root.resolve("wasmjit"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(root.resolve("examples"));
        Files.writeString(root.resolve("examples/fib.scm"), "(fib 10)\n");
        Files.createDirectories(root.resolve("harness/src/main/java"));
        Files.writeString(root.resolve("harness/src/main/java/Main.java"), "class Main {}\n");
        calls = root.resolve("mvn-calls");
        temp = Files.createDirectories(root.resolve("tmp"));
        Path bin = Files.createDirectories(root.resolve("bin"));
        stub(bin.resolve("mvn"), """
                #!/usr/bin/env bash
                echo "$$" >> "$STUB_CALLS"
                sleep "${STUB_BUILD_SECONDS:-0}"
                if [ -n "${STUB_FAIL:-}" ]; then
                  for i in $(seq 1 500); do echo "log line $i"; done
                  exit 1
                fi
                mkdir -p "$STUB_ROOT/harness/target"
                echo jar > "$STUB_ROOT/harness/target/wasmjit.jar"
                """);
        stub(bin.resolve("java"), """
                #!/usr/bin/env bash
                echo "java $*"
                """);
    }

    @AfterEach
    void stopWhatIsLeft() {
        // A launcher killed mid-build leaves its stand-in mvn sleeping.
        started.forEach(Process::destroyForcibly);
        try (Stream<String> pids = Files.exists(calls) ? Files.lines(calls) : Stream.empty()) {
            pids.forEach(pid -> ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void twoLaunchersStartedTogetherWhileTheJarIsMissingBuildItOnce() throws Exception {
        Process first = launch(Map.of("STUB_BUILD_SECONDS", "2"), "run", "-e", "1");
        Process second = launch(Map.of("STUB_BUILD_SECONDS", "2"), "run", "-e", "2");

        assertThat(finish(first)).isZero();
        assertThat(finish(second)).isZero();
        assertThat(buildCount()).as("builds").isEqualTo(1);
        assertThat(stdout(first)).isEqualTo("java -jar " + jar() + " run -e 1\n");
        assertThat(stdout(second)).isEqualTo("java -jar " + jar() + " run -e 2\n");
    }

    @Test
    void aFailedBuildShowsOnlyTheEndOfItsLog() throws Exception {
        Process launcher = launch(Map.of("STUB_FAIL", "1"), "run", "-e", "1");

        assertThat(finish(launcher)).isEqualTo(1);
        List<String> stderr = stderr(launcher).lines().toList();
        assertThat(stderr).contains("log line 500").doesNotContain("log line 1", "log line 400").hasSizeLessThan(50);
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void anInterruptedBuildLeavesNoLogInTheTemporaryDirectory() throws Exception {
        Process launcher = launch(Map.of("STUB_BUILD_SECONDS", "60"), "run", "-e", "1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(calls) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(calls).as("the build started").exists();

        launcher.destroy();
        assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void aFreshJarIsNotRebuilt() throws Exception {
        freshJar();

        assertThat(finish(launch(Map.of(), "--version"))).isZero();
        assertThat(buildCount()).isZero();
    }

    @Test
    void anEditedExampleMakesTheJarStale() throws Exception {
        freshJar();
        Files.writeString(root.resolve("examples/fib.scm"), "(fib 11)\n");
        Files.setLastModifiedTime(root.resolve("examples/fib.scm"), FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(finish(launch(Map.of(), "--version"))).isZero();
        assertThat(buildCount()).isEqualTo(1);
    }

    /** A jar newer than every input. */
    private void freshJar() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(LONG_AGO));
            }
        }
        Files.createDirectories(jar().getParent());
        Files.writeString(jar(), "jar\n");
    }

    private Path jar() {
        return root.resolve("harness/target/wasmjit.jar");
    }

    private Process launch(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(root.resolve("wasmjit").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("TMPDIR", temp.toString());
        builder.environment().put("STUB_CALLS", calls.toString());
        builder.environment().put("STUB_ROOT", root.toString());
        builder.environment().putAll(env);
        builder.redirectOutput(root.resolve("out-" + started.size()).toFile());
        builder.redirectError(root.resolve("err-" + started.size()).toFile());
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static int finish(Process process) throws InterruptedException {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return process.exitValue();
    }

    private String stdout(Process process) throws IOException {
        return Files.readString(root.resolve("out-" + started.indexOf(process)), StandardCharsets.UTF_8);
    }

    private String stderr(Process process) throws IOException {
        return Files.readString(root.resolve("err-" + started.indexOf(process)), StandardCharsets.UTF_8);
    }

    private long buildCount() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
    }

    private static void stub(Path file, String script) throws IOException {
        Files.writeString(file, script);
        executable(file);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
