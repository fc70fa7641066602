package dev.wasmjit.harness;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The guest's stdout of one request, kept up to a limit (a program may print without end until its deadline). */
final class LimitedOutput extends OutputStream {

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean truncated;

    LimitedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = limit - bytes.size();
        if (len > room) {
            truncated = true;
        }
        bytes.write(b, off, Math.max(0, Math.min(len, room)));
    }

    /** The text written since the last call, and forgets it. */
    synchronized String take() {
        String text = bytes.toString(StandardCharsets.UTF_8) + (truncated ? "\n[output cut at " + limit + " bytes]\n" : "");
        bytes.reset();
        truncated = false;
        return text;
    }
}
