package dev.wasmjit.bench.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A program outside the JVM that an anchor runs (node, guile, scheme, the native build,
 * make). A missing program or a failed run is an expected condition here, not an error: the
 * report then says the anchor was not measured and why.
 *
 * @param command     the command line
 * @param directory   the working directory
 * @param environment extra environment variables
 */
record ExternalCommand(List<String> command, Path directory, Map<String, String> environment) {

    /** What a run gave: exit status, and stdout and stderr as text. */
    record ProcessOutcome(int exitStatus, String stdout, String stderr) {
        boolean succeeded() {
            return exitStatus == 0;
        }
    }

    static ExternalCommand of(Path directory, String... command) {
        return new ExternalCommand(List.of(command), directory, Map.of());
    }

    /**
     * Finds an executable on the PATH.
     *
     * @param name the program's name
     * @return its path, or empty if it is not installed
     */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the command to its end, or kills it at the time limit.
     *
     * @param limit how long it may take
     * @return the outcome
     * @throws IOException if it cannot be started or timed out
     */
    ProcessOutcome run(Duration limit) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        Path stdout = Files.createTempFile("wasmjit-report", ".out");
        Path stderr = Files.createTempFile("wasmjit-report", ".err");
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " took longer than " + limit.toSeconds() + " s");
            }
            return new ProcessOutcome(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /**
     * Runs the command and insists on success.
     *
     * @param limit how long it may take
     * @return its stdout
     * @throws IOException if it fails, with its stderr in the message
     */
    String output(Duration limit) throws IOException {
        ProcessOutcome outcome = run(limit);
        if (!outcome.succeeded()) {
            throw new IOException(String.join(" ", command) + " failed with status " + outcome.exitStatus()
                    + ": " + outcome.stderr().strip());
        }
        return outcome.stdout();
    }
}
