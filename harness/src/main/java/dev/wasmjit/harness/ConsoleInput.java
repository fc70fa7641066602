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
        return new ConsoleInput(System.in, System.console() != null);
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
