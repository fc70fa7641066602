package dev.wasmjit.harness;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The guest's standard output when it is the process's: the first write that fails (a closed
 * pipe, as in {@code wasmjit run ... | head -2}, or a full disk) stops the program, as
 * {@code yes | head} stops, instead of letting it run on into a stream that drops everything.
 * {@link PrintStream} keeps a failure only as a flag, so each write checks it and throws
 * {@link Closed}, which ends the guest's call; {@link Main} then reports the failed write.
 */
final class StoppingStdout extends OutputStream {

    /** The write that failed; the guest's call ends with it as the cause. */
    static final class Closed extends RuntimeException {
        Closed(String message) {
            super(message, null, false, false);
        }
    }

    private final PrintStream out;

    StoppingStdout(PrintStream out) {
        this.out = out;
    }

    /** Whether a failure was caused by standard output failing, anywhere in its causes. */
    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Closed) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void write(int b) {
        out.write(b);
        check();
    }

    @Override
    public void write(byte[] b, int off, int len) {
        out.write(b, off, len);
        check();
    }

    @Override
    public void flush() {
        out.flush();
        check();
    }

    private void check() {
        if (out.checkError()) {
            throw new Closed("could not write to standard output"
                    + StandardStreams.stdoutFailure().map(reason -> ": " + reason).orElse(""));
        }
    }
}
