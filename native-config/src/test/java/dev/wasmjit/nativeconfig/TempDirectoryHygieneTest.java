package dev.wasmjit.nativeconfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * wasmtime-java copies its 18 MB library into java.io.tmpdir on every JVM start. These tests
 * run whole JVMs against an empty temp directory of their own and look at what is left.
 */
class TempDirectoryHygieneTest {

    private static final int JVMS = 20;

    @Test
    void twentyJvmsLeaveNoFileInTheTempDirectory(@TempDir Path work) throws Exception {
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path cache = work.resolve("cache");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < JVMS; i++) {
                runs.add(pool.submit(() -> runTinyGuest(tmp, cache, List.of())));
            }
            for (Future<String> run : runs) {
                assertThat(run.get(2, TimeUnit.MINUTES)).isEqualTo("answer 42\n");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(listAll(tmp)).isEmpty();
        assertThat(listAll(cache)).hasSize(2); // the key directory and the library in it
    }

    @Test
    void wasmtimeJavaAloneLeavesItsCopyBehindWhichIsWhatWeAvoid(@TempDir Path work) throws Exception {
        Path tmp = Files.createDirectories(work.resolve("tmp"));

        assertThat(runTinyGuest(tmp, work.resolve("cache"), List.of("direct"))).isEqualTo("answer 42\n");

        assertThat(listAll(tmp)).singleElement().asString().contains("wasmtime_jni");
    }

    static String runTinyGuest(Path tmp, Path cache, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx64m",
                "-Djava.io.tmpdir=" + tmp,
                "-D" + NativeLibrary.CACHE_DIR_PROPERTY + "=" + cache,
                "-cp", System.getProperty("java.class.path"),
                TinyGuestMain.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("WASMTIME_JNI_LOAD_DISABLED");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static List<Path> listAll(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(p -> !p.equals(directory)).toList();
        }
    }
}
