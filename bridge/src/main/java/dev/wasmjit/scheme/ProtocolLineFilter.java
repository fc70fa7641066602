package dev.wasmjit.scheme;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Keeps one of the seed protocol's lines from a quiet interpreter's output stream: the guest's
 * {@code error: MESSAGE} report on stderr, or, from a module without {@code evalQuietly}, its
 * {@code result: VALUE} line on stdout. Such a line is the last one of its call, so a line that
 * starts with the prefix is held back: anything written after it lets it through, and at the
 * end of the call {@link #endCall(boolean)} drops it when the call ended the way that line
 * reports (a {@link dev.wasmjit.bridge.GuestError}, or a result), and lets it through otherwise.
 * A program's own line that merely starts the same way is never lost, only delayed to the
 * next output or the end of the call.
 *
 * <p>A held line is bounded ({@link #MAX_HELD_BYTES}); a longer one is let through as it goes.
 * Every other byte reaches the sink as it is written.
 */
final class ProtocolLineFilter extends OutputStream {

    /** The longest line held back; a longer one was not the guest's report. */
    static final int MAX_HELD_BYTES = 64 * 1024;

    private final OutputStream sink;
    private final byte[] prefix;
    /** The current line, while it may still be the protocol line. */
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private boolean holding;
    private boolean heldLineComplete;
    private boolean atLineStart = true;

    ProtocolLineFilter(OutputStream sink, String prefix) {
        this.sink = sink;
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int passFrom = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (heldLineComplete) {
                release(); // more output: the held line was not the call's last
            }
            if (atLineStart) {
                sink.write(bytes, passFrom, i - passFrom);
                passFrom = i;
                holding = true;
            }
            atLineStart = b == '\n';
            if (!holding) {
                continue;
            }
            held.write(b);
            passFrom = i + 1;
            int size = held.size();
            if (size <= prefix.length && b != prefix[size - 1] || size > MAX_HELD_BYTES) {
                release();
            } else if (b == '\n') {
                heldLineComplete = size > prefix.length;
                if (!heldLineComplete) {
                    release();
                }
            }
        }
        sink.write(bytes, passFrom, end - passFrom);
    }

    @Override
    public void flush() throws IOException {
        sink.flush();
    }

    /**
     * Ends a call: drops a held line that was the call's last when {@code dropLastLine}, and
     * lets anything else held through.
     *
     * @param dropLastLine whether the call ended the way the held line reports it
     */
    synchronized void endCall(boolean dropLastLine) {
        try {
            if (heldLineComplete && dropLastLine) {
                held.reset();
                holding = false;
                heldLineComplete = false;
            } else {
                release();
            }
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not forward the guest's output", e);
        }
    }

    private void release() throws IOException {
        if (held.size() > 0) {
            held.writeTo(sink);
            held.reset();
        }
        holding = false;
        heldLineComplete = false;
    }
}
