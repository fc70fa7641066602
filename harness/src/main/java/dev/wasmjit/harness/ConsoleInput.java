package dev.wasmjit.harness;

import java.io.InputStream;
import java.util.Objects;

/**
 * The program's standard input, and whether it is a terminal: the REPL edits lines and
 * handles Ctrl-C on one, and reads plain forms otherwise.
 *
 * @param in       standard input
 * @param terminal whether standard input and output are a terminal
 */
public record ConsoleInput(InputStream in, boolean terminal) {

    /**
     * Checks the stream.
     *
     * @param in       standard input
     * @param terminal whether it is a terminal
     */
    public ConsoleInput {
        Objects.requireNonNull(in, "in");
    }

    /**
     * The process's own standard input; a terminal when the JVM has a console (standard input
     * and output both a terminal).
     *
     * @return the process's input
     */
    public static ConsoleInput ofProcess() {
        if (standardInputWasClosed()) {
            return none();
        }
        return new ConsoleInput(System.in, System.console() != null);
    }

    /**
     * Whether the process started with standard input closed ({@code wasmjit repl <&-}). The
     * first file the JVM opens then takes descriptor 0, and reading {@link System#in} would read
     * the JVM's own class library as Scheme. On Linux descriptor 0 names that file; elsewhere
     * this cannot tell, and says no.
     */
    static boolean standardInputWasClosed() {
        try {
            java.nio.file.Path zero = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/0"));
            return isJvmsOwnFile(zero, java.nio.file.Path.of(System.getProperty("java.home")),
                    System.getProperty("java.class.path", ""));
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Whether a file is one of the JVM's own: under its home, or on its class path (the jar). */
    static boolean isJvmsOwnFile(java.nio.file.Path file, java.nio.file.Path javaHome, String classPath) {
        if (!file.isAbsolute()) {
            return false; // "pipe:[123]", "socket:[456]": not a file the JVM opened
        }
        if (file.startsWith(javaHome.toAbsolutePath().normalize())) {
            return true;
        }
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && java.nio.file.Path.of(entry).toAbsolutePath().normalize().equals(file)) {
                return true;
            }
        }
        return false;
    }

    /**
     * No input at all, as for the commands that read none.
     *
     * @return an empty, non-terminal input
     */
    public static ConsoleInput none() {
        return new ConsoleInput(InputStream.nullInputStream(), false);
    }
}
