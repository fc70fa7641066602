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
                new PrintStream(new RememberingFailure(new FileOutputStream(FileDescriptor.out)), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    /**
     * Why the last write to the process's stdout failed, for the message: {@link PrintStream}
     * keeps only a flag ({@link PrintStream#checkError()}).
     *
     * @return the failure's reason, or empty when none was seen
     */
    static java.util.Optional<String> stdoutFailure() {
        return java.util.Optional.ofNullable(RememberingFailure.last).map(Throwable::getMessage);
    }

    /** Passes writes through, and remembers the exception of one that failed. */
    private static final class RememberingFailure extends java.io.FilterOutputStream {
        static volatile java.io.IOException last;

        RememberingFailure(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            try {
                out.write(b, off, len);
            } catch (java.io.IOException e) {
                last = e;
                throw e;
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            try {
                out.flush();
            } catch (java.io.IOException e) {
                last = e;
                throw e;
            }
        }
    }
}
