package dev.wasmjit.script;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The guest's output, to whichever writer the script context of the call under way has. The
 * guest's lines arrive whole (or in pieces that never split a UTF-8 character), so each write
 * decodes on its own.
 */
final class WriterStream extends OutputStream {

    private final Supplier<Writer> writer;

    WriterStream(Supplier<Writer> writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        writer.get().write(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        writer.get().flush();
    }
}
