package dev.wasmjit.nativeconfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One guest output stream (stdout or stderr) cut into lines: each complete line goes to the
 * sink at once, flushed, and to the listener as text. A partial line waits for its newline or
 * for {@link #flushPartialLine()}, which the host calls when a guest call returns.
 */
final class LineStream {

    private final int fd;
    private final OutputStream sink;
    private final GuestWasi.LineListener listener;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LineStream(int fd, OutputStream sink, GuestWasi.LineListener listener) {
        this.fd = fd;
        this.sink = sink;
        this.listener = listener;
    }

    /** Takes bytes the guest wrote; consumes {@code bytes} from its position to its limit. */
    void write(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            pending.write(b);
            if (b == '\n') {
                emit();
            }
        }
    }

    void flushPartialLine() {
        if (pending.size() > 0) {
            emit();
        }
    }

    private void emit() {
        byte[] line = pending.toByteArray();
        pending.reset();
        try {
            sink.write(line);
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not forward the guest's fd " + fd + " output", e);
        }
        int length = line.length;
        if (length > 0 && line[length - 1] == '\n') {
            length--;
        }
        listener.line(fd, new String(line, 0, length, StandardCharsets.UTF_8));
    }
}
