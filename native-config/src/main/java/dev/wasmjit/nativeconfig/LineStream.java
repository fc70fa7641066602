package dev.wasmjit.nativeconfig;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One guest output stream (stdout or stderr) cut into lines: each complete line goes to the
 * sink at once, flushed, and to the listener as text. A partial line waits for its newline or
 * for {@link #flushPartialLine()}, which the host calls when a guest call returns.
 *
 * <p>A line is held back up to {@link #MAX_LINE_BYTES} only: a longer one goes to the sink in
 * pieces of at most that many bytes as the guest writes it (the sink's bytes are exactly the
 * guest's, no newline is added), and the listener sees each piece as a line of its own. A
 * piece never ends inside a UTF-8 character. So a guest writing without a newline costs the
 * host a bounded buffer, however much it writes.
 */
final class LineStream {

    /** The longest line held back before it is passed on in pieces: 64 KiB. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final int fd;
    private final OutputStream sink;
    private final GuestWasi.LineListener listener;
    private final byte[] pending = new byte[MAX_LINE_BYTES];
    private int length;

    LineStream(int fd, OutputStream sink, GuestWasi.LineListener listener) {
        this.fd = fd;
        this.sink = sink;
        this.listener = listener;
    }

    /** Takes bytes the guest wrote; consumes {@code bytes} from its position to its limit. */
    void write(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            pending[length++] = b;
            if (b == '\n') {
                emit(length, true);
            } else if (length == MAX_LINE_BYTES) {
                emit(pieceEnd(), false);
            }
        }
    }

    void flushPartialLine() {
        if (length > 0) {
            emit(length, false);
        }
    }

    /**
     * Where a full buffer may be cut: at its end, unless a UTF-8 character begun in its last
     * three bytes is not complete yet; then before that character's first byte.
     */
    private int pieceEnd() {
        for (int i = length - 1; i >= Math.max(0, length - 3); i--) {
            int b = pending[i] & 0xff;
            if ((b & 0xc0) == 0x80) {
                continue; // a continuation byte: look further back for its lead byte
            }
            int size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
            return i + size > length ? i : length;
        }
        return length; // not UTF-8 there: cut anywhere
    }

    /** Passes on the first {@code end} bytes and keeps the rest pending (even when the sink fails). */
    private void emit(int end, boolean newline) {
        byte[] piece = java.util.Arrays.copyOf(pending, end);
        System.arraycopy(pending, end, pending, 0, length - end);
        length -= end;
        try {
            sink.write(piece);
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not forward the guest's fd " + fd + " output", e);
        }
        listener.line(fd, new String(piece, 0, newline ? end - 1 : end, StandardCharsets.UTF_8));
    }
}
