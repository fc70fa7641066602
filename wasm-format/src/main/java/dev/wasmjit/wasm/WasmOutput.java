package dev.wasmjit.wasm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that writes the binary format's primitive encodings, every integer in
 * its shortest LEB128 form. Each method returns this buffer, so that writes chain.
 */
public final class WasmOutput {
    /** {@code \0asm} as a little-endian integer: the first four bytes of every module. */
    public static final int MAGIC = 0x6d736100;
    /** The binary format version this layer reads and writes. */
    public static final int VERSION = 1;

    private byte[] bytes = new byte[256];
    private int size;

    /**
     * An empty buffer.
     */
    public WasmOutput() {
    }

    /**
     * A module's header: the magic number and the version.
     *
     * @return this buffer
     */
    public WasmOutput header() {
        return fixed32(MAGIC).fixed32(VERSION);
    }

    /**
     * One byte.
     *
     * @param value the byte; bits above the low eight are ignored
     * @return this buffer
     */
    public WasmOutput u8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
        return this;
    }

    /**
     * Bytes given one by one, each as an int (its low eight bits): for bytes that are
     * malformed on purpose, as a test of a reader writes them.
     *
     * @param values the bytes
     * @return this buffer
     */
    public WasmOutput u8s(int... values) {
        for (int value : values) {
            u8(value);
        }
        return this;
    }

    /**
     * An opcode: its byte, or for a prefixed one the prefix and its unsigned sub-opcode.
     *
     * @param opcode the instruction
     * @return this buffer
     */
    public WasmOutput opcode(Opcode opcode) {
        return opcode.isPrefixed() ? u8(Opcode.PREFIX_FC_BYTE).u32(opcode.code()) : u8(opcode.code());
    }

    /**
     * An unsigned LEB128 integer.
     *
     * @param value the integer, taken as unsigned 32 bits
     * @return this buffer
     */
    public WasmOutput u32(int value) {
        return u64(Integer.toUnsignedLong(value));
    }

    /**
     * An unsigned LEB128 integer.
     *
     * @param value the integer, taken as unsigned 64 bits
     * @return this buffer
     */
    WasmOutput u64(long value) {
        return paddedU64(value, 1);
    }

    /**
     * An unsigned LEB128 integer in at least {@code minimumLength} bytes: the bytes beyond its
     * shortest form are padding, continuation bits over zero digits. A reader accepts a u32
     * padded to 5 bytes (linkers pad to patch in place) and must refuse one longer, so a test
     * of a reader writes both with this.
     *
     * @param value         the integer, taken as unsigned 64 bits
     * @param minimumLength the fewest bytes to write; 1 or less gives the shortest form
     * @return this buffer
     */
    public WasmOutput paddedU64(long value, int minimumLength) {
        int written = 0;
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            written++;
            u8(value != 0 || written < minimumLength ? b | 0x80 : b);
        } while (value != 0 || written < minimumLength);
        return this;
    }

    /**
     * A signed LEB128 integer, as {@code s32}, {@code s33} and {@code s64} are encoded.
     *
     * @param value the integer
     * @return this buffer
     */
    public WasmOutput s64(long value) {
        while (true) {
            int b = (int) (value & 0x7F);
            value >>= 7;
            boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            u8(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    /**
     * Four little-endian bytes.
     *
     * @param value the bits, such as an f32's
     * @return this buffer
     */
    WasmOutput fixed32(int value) {
        for (int i = 0; i < 4; i++) {
            u8(value >>> (8 * i));
        }
        return this;
    }

    /**
     * Eight little-endian bytes.
     *
     * @param value the bits, such as an f64's
     * @return this buffer
     */
    WasmOutput fixed64(long value) {
        for (int i = 0; i < 8; i++) {
            u8((int) (value >>> (8 * i)));
        }
        return this;
    }

    /**
     * Raw bytes.
     *
     * @param data the bytes
     * @return this buffer
     */
    public WasmOutput bytes(byte[] data) {
        return bytes(data, 0, data.length);
    }

    /**
     * Raw bytes {@code data[from..to)}.
     *
     * @param data the array
     * @param from the first index copied
     * @param to   the index just past the last one copied
     * @return this buffer
     */
    public WasmOutput bytes(byte[] data, int from, int to) {
        ensure(to - from);
        System.arraycopy(data, from, bytes, size, to - from);
        size += to - from;
        return this;
    }

    /**
     * A length-prefixed UTF-8 name.
     *
     * @param name the name
     * @return this buffer
     */
    public WasmOutput name(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        u32(utf8.length);
        return bytes(utf8);
    }

    /**
     * Raw bytes preceded by their length, as a section's payload or a function body is.
     *
     * @param data the bytes
     * @return this buffer
     */
    public WasmOutput sized(byte[] data) {
        u32(data.length);
        return bytes(data);
    }

    /**
     * A section: its id, the payload's size, then the payload.
     *
     * @param id      the section
     * @param payload its content, as it is to appear
     * @return this buffer
     */
    public WasmOutput section(SectionId id, byte[] payload) {
        return u8(id.code()).sized(payload);
    }

    /**
     * How much has been written.
     *
     * @return the number of bytes written so far
     */
    int size() {
        return size;
    }

    /**
     * The bytes written so far.
     *
     * @return a copy of them
     */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }
}
