package dev.wasmjit.staticlink;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer that writes the binary format's primitive encodings, shortest form. */
final class WasmOutput {
    private byte[] bytes = new byte[256];
    private int size;

    /** One byte. */
    WasmOutput u8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
        return this;
    }

    /** An unsigned LEB128 integer (32 bits, taken as unsigned). */
    WasmOutput u32(int value) {
        return u64(Integer.toUnsignedLong(value));
    }

    /** An unsigned LEB128 integer (64 bits, taken as unsigned). */
    WasmOutput u64(long value) {
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            u8(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return this;
    }

    /** A signed LEB128 integer. */
    WasmOutput s64(long value) {
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

    /** Four little-endian bytes. */
    WasmOutput fixed32(int value) {
        for (int i = 0; i < 4; i++) {
            u8(value >>> (8 * i));
        }
        return this;
    }

    /** Eight little-endian bytes. */
    WasmOutput fixed64(long value) {
        for (int i = 0; i < 8; i++) {
            u8((int) (value >>> (8 * i)));
        }
        return this;
    }

    /** Raw bytes. */
    WasmOutput bytes(byte[] data) {
        return bytes(data, 0, data.length);
    }

    /** Raw bytes {@code data[from..to)}. */
    WasmOutput bytes(byte[] data, int from, int to) {
        ensure(to - from);
        System.arraycopy(data, from, bytes, size, to - from);
        size += to - from;
        return this;
    }

    /** A length-prefixed UTF-8 name. */
    WasmOutput name(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        u32(utf8.length);
        return bytes(utf8);
    }

    /** Raw bytes preceded by their length. */
    WasmOutput sized(byte[] data) {
        u32(data.length);
        return bytes(data);
    }

    /** Number of bytes written so far. */
    int size() {
        return size;
    }

    /** A copy of the bytes written so far. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }
}
