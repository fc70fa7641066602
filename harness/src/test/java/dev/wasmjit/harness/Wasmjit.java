package dev.wasmjit.harness;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way the harness tests run {@code wasmjit}: in this JVM through {@link Main#run}, or as
 * the packaged jar in a new JVM ({@link #jarCommand}), with the same arguments a user types.
 */
final class Wasmjit {

    /**
     * What one run left behind.
     *
     * @param exitCode the exit status
     * @param stdout   everything written to stdout
     * @param stderr   everything written to stderr
     */
    record CommandOutcome(int exitCode, String stdout, String stderr) {
        List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private Wasmjit() {
    }

    static CommandOutcome run(String... args) {
        return run(ConsoleInput.none(), new ByteArrayOutputStream(), args);
    }

    /**
     * Runs with stdout a pipe whose reader goes away after {@code lines} lines, as
     * {@code wasmjit ... | head -2} does: every write after them fails with "Broken pipe".
     */
    static CommandOutcome runIntoPipeClosedAfter(int lines, String... args) {
        return runIntoPipeClosedAfter(lines, ConsoleInput.none(), args);
    }

    /** As {@link #runIntoPipeClosedAfter(int, String...)}, reading this standard input. */
    static CommandOutcome runIntoPipeClosedAfter(int lines, ConsoleInput input, String... args) {
        return run(input, new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (toString(StandardCharsets.UTF_8).lines().count() >= lines) {
                    throw new java.io.UncheckedIOException(new java.io.IOException("Broken pipe"));
                }
                super.write(b, off, len);
            }
        }, args);
    }

    private static CommandOutcome run(ConsoleInput input, ByteArrayOutputStream out, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.io.OutputStream stdout = new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                try {
                    out.write(b, off, len);
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause(); // what a closed pipe gives the process's stdout
                }
            }
        };
        int exitCode = Main.run(input, new StandardStreams(
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
        return new CommandOutcome(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** As {@link #run}, with {@code stdin} as the process's standard input ({@link System#in}). */
    static CommandOutcome runWithInput(String stdin, String... args) {
        java.io.InputStream saved = System.in;
        System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    /** {@code java -jar harness/target/wasmjit.jar ARGS}, with the JDK running these tests. */
    static List<String> jarCommand(String... args) {
        String jar = System.getProperty("wasmjit.jar");
        if (jar == null) {
            throw new IllegalStateException("the system property wasmjit.jar is not set; run the *IT tests through failsafe (mvn verify)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        return command;
    }
}
