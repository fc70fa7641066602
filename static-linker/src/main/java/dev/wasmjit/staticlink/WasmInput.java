package dev.wasmjit.staticlink;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * A cursor over wasm bytes: the binary format's primitive encodings (bytes, LEB128 integers,
 * IEEE floats as raw bits, names). Every read past the end, or of an over-long LEB128, throws a
 * {@link WasmFormatException} naming the offset, and so does every count or length larger than
 * the bytes that remain ({@link #count}, {@link #length}): nothing loops or allocates for more
 * elements than the bytes can hold.
 */
final class WasmInput {
    private final byte[] bytes;
    private final int end;
    private int position;

    /** Reads {@code bytes[start..end)}; offsets reported in errors are indices into {@code bytes}. */
    WasmInput(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    /** Reads all of {@code bytes}. */
    WasmInput(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    /** The offset of the next byte to read. */
    int position() {
        return position;
    }

    /** The offset just past the last readable byte. */
    int end() {
        return end;
    }

    /** True when every byte of the range has been read. */
    boolean atEnd() {
        return position >= end;
    }

    /** The next byte, unsigned, without consuming it. */
    int peek() {
        require(1);
        return bytes[position] & 0xFF;
    }

    /** One byte, unsigned. */
    int u8() {
        require(1);
        return bytes[position++] & 0xFF;
    }

    /** An unsigned LEB128 integer of at most 32 bits. */
    int u32() {
        long value = unsignedLeb(32);
        return (int) value;
    }

    /** An unsigned LEB128 integer of at most 64 bits. */
    long u64() {
        return unsignedLeb(64);
    }

    /** A signed LEB128 integer of at most 32 bits. */
    int s32() {
        return (int) signedLeb(32);
    }

    /** A signed LEB128 integer of at most 33 bits (block types). */
    long s33() {
        return signedLeb(33);
    }

    /** A signed LEB128 integer of at most 64 bits. */
    long s64() {
        return signedLeb(64);
    }

    /** Four little-endian bytes (an f32's bits). */
    int fixed32() {
        require(4);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (bytes[position++] & 0xFF) << (8 * i);
        }
        return value;
    }

    /** Eight little-endian bytes (an f64's bits). */
    long fixed64() {
        require(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value |= (long) (bytes[position++] & 0xFF) << (8 * i);
        }
        return value;
    }

    /** {@code length} raw bytes. */
    byte[] bytes(int length) {
        require(length);
        byte[] out = new byte[length];
        System.arraycopy(bytes, position, out, 0, length);
        position += length;
        return out;
    }

    /**
     * A vector's element count, an unsigned LEB128. Every element takes at least one byte, so
     * a count larger than the bytes that remain is malformed and refused here.
     *
     * @param what what is counted, for the message ("type", "br_table label", ...)
     */
    int count(String what) {
        return bounded(what + " count");
    }

    /**
     * A byte length, an unsigned LEB128, refused when larger than the bytes that remain.
     *
     * @param what what is measured, for the message ("name", "function body", ...)
     */
    int length(String what) {
        return bounded(what + " length");
    }

    private int bounded(String what) {
        int start = position;
        long value = Integer.toUnsignedLong(u32());
        if (value > end - position) {
            throw new WasmFormatException(what + " " + value + " at offset " + start + " is larger than the "
                    + (end - position) + " bytes that remain");
        }
        return (int) value;
    }

    /** A length-prefixed UTF-8 name; invalid UTF-8 is an error, as the spec requires. */
    String name() {
        int start = position;
        byte[] raw = bytes(length("name"));
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new WasmFormatException("name at offset " + start + " is not valid UTF-8");
        }
    }

    /** Moves the cursor to an absolute offset (used to step over a section's payload). */
    void seek(int offset) {
        if (offset < position || offset > end) {
            throw new WasmFormatException("cannot move to offset " + offset + " from " + position);
        }
        position = offset;
    }

    private long unsignedLeb(int bits) {
        int start = position;
        int maxBytes = (bits + 6) / 7;
        long result = 0;
        for (int count = 1; ; count++) {
            int b = u8();
            result |= (long) (b & 0x7F) << (7 * (count - 1));
            if (count == maxBytes) {
                int usedBits = bits - 7 * (maxBytes - 1);
                if ((b & 0x80) != 0 || (b & 0x7F) >>> usedBits != 0) {
                    throw new WasmFormatException("LEB128 at offset " + start + " does not fit in " + bits + " bits");
                }
                return result;
            }
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    private long signedLeb(int bits) {
        int start = position;
        int maxBytes = (bits + 6) / 7;
        long result = 0;
        int shift = 0;
        for (int count = 1; ; count++) {
            int b = u8();
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if (count == maxBytes && (b & 0x80) != 0) {
                throw new WasmFormatException("LEB128 at offset " + start + " does not fit in " + bits + " bits");
            }
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                if (count == maxBytes) {
                    // The unused high bits of the last byte must repeat the sign bit.
                    int usedBits = bits - 7 * (maxBytes - 1);
                    int rest = (b & 0x7F) >> (usedBits - 1);
                    int allOnes = 0x7F >> (usedBits - 1);
                    if (rest != 0 && rest != allOnes) {
                        throw new WasmFormatException("LEB128 at offset " + start + " does not fit in " + bits + " bits");
                    }
                }
                return result;
            }
        }
    }

    private void require(int count) {
        if (count < 0 || position + count > end) {
            throw new WasmFormatException("unexpected end of bytes at offset " + position
                    + " (needed " + count + ", " + (end - position) + " left)");
        }
    }
}
