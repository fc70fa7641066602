package dev.wasmjit.harness;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The program's standard output and standard error. The guest's lines and the harness's own
 * lines go through the same two streams, so they come out in the order they were made.
 *
 * @param out standard output; flushed after every line
 * @param err standard error; flushed after every line
 */
public record StandardStreams(PrintStream out, PrintStream err) {

    /**
     * Checks the streams.
     *
     * @param out standard output
     * @param err standard error
     */
    public StandardStreams {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /**
     * The process's own stdout and stderr, UTF-8, flushed at every line whether they are a
     * terminal, a pipe or a file (the JVM's defaults buffer differently per platform and charset).
     *
     * @return the process's streams
     */
    public static StandardStreams ofProcess() {
        return new StandardStreams(
                new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }
}
