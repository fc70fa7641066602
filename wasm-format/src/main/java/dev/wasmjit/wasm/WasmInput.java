package dev.wasmjit.wasm;

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
public final class WasmInput {
    private final byte[] bytes;
    private final int end;
    private int position;

    /**
     * A cursor over {@code bytes[start..end)}. Offsets, here and in messages, are indices into
     * {@code bytes}. The array is not copied and must not change while it is read.
     *
     * @param bytes the bytes
     * @param start the first offset to read
     * @param end   the offset just past the last byte to read
     * @throws IllegalArgumentException if the range does not lie within {@code bytes}
     */
    public WasmInput(byte[] bytes, int start, int end) {
        if (start < 0 || start > end || end > bytes.length) {
            throw new IllegalArgumentException("range [" + start + ", " + end + ") of " + bytes.length + " bytes");
        }
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    /**
     * A cursor over all of {@code bytes}.
     *
     * @param bytes the bytes; not copied
     */
    public WasmInput(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    /**
     * Where the cursor is.
     *
     * @return the offset of the next byte to read
     */
    public int position() {
        return position;
    }

    /**
     * Where the readable range ends.
     *
     * @return the offset just past the last readable byte
     */
    public int end() {
        return end;
    }

    /**
     * Whether every byte has been read.
     *
     * @return true when no byte of the range remains
     */
    public boolean atEnd() {
        return position >= end;
    }

    /**
     * How many bytes are left.
     *
     * @return the bytes between the cursor and the end of the range
     */
    public int remaining() {
        return end - position;
    }

    /**
     * The next byte, without consuming it.
     *
     * @return the byte, unsigned
     * @throws WasmFormatException at the end of the range
     */
    int peek() {
        require(1);
        return bytes[position] & 0xFF;
    }

    /**
     * One byte.
     *
     * @return the byte, unsigned
     * @throws WasmFormatException at the end of the range
     */
    public int u8() {
        require(1);
        return bytes[position++] & 0xFF;
    }

    /**
     * An unsigned LEB128 integer of at most 32 bits, in at most 5 bytes. Padded encodings are
     * accepted; bits beyond the 32 are not.
     *
     * @return the value; values of 2^31 and above come back negative (use
     *         {@link Integer#toUnsignedLong})
     * @throws WasmFormatException if the integer is cut short or does not fit
     */
    public int u32() {
        long value = unsignedLeb(32);
        return (int) value;
    }

    /**
     * An unsigned LEB128 integer of at most 64 bits, in at most 10 bytes.
     *
     * @return the value, taken as unsigned
     * @throws WasmFormatException if the integer is cut short or does not fit
     */
    long u64() {
        return unsignedLeb(64);
    }

    /**
     * A signed LEB128 integer of at most 32 bits.
     *
     * @return the value
     * @throws WasmFormatException if the integer is cut short or does not fit
     */
    int s32() {
        return (int) signedLeb(32);
    }

    /**
     * A signed LEB128 integer of at most 33 bits, as block types are encoded.
     *
     * @return the value
     * @throws WasmFormatException if the integer is cut short or does not fit
     */
    long s33() {
        return signedLeb(33);
    }

    /**
     * A signed LEB128 integer of at most 64 bits.
     *
     * @return the value
     * @throws WasmFormatException if the integer is cut short or does not fit
     */
    long s64() {
        return signedLeb(64);
    }

    /**
     * Four little-endian bytes, as an f32 (or the module header) is encoded.
     *
     * @return the bits
     * @throws WasmFormatException if fewer than four bytes remain
     */
    public int fixed32() {
        require(4);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (bytes[position++] & 0xFF) << (8 * i);
        }
        return value;
    }

    /**
     * Eight little-endian bytes, as an f64 is encoded.
     *
     * @return the bits
     * @throws WasmFormatException if fewer than eight bytes remain
     */
    long fixed64() {
        require(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value |= (long) (bytes[position++] & 0xFF) << (8 * i);
        }
        return value;
    }

    /**
     * Raw bytes, copied.
     *
     * @param length how many
     * @return the bytes
     * @throws WasmFormatException if fewer remain
     */
    public byte[] bytes(int length) {
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
     * @return the count
     * @throws WasmFormatException if the count is malformed or larger than the bytes that remain
     */
    public int count(String what) {
        return bounded(what + " count");
    }

    /**
     * A byte length, an unsigned LEB128, refused when larger than the bytes that remain.
     *
     * @param what what is measured, for the message ("name", "function body", ...)
     * @return the length
     * @throws WasmFormatException if the length is malformed or larger than the bytes that remain
     */
    public int length(String what) {
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

    /**
     * A length-prefixed UTF-8 name.
     *
     * @return the name
     * @throws WasmFormatException if the length is malformed or too large, or the bytes are not
     *                             valid UTF-8 (the spec requires it)
     */
    public String name() {
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

    /**
     * The next {@code length} bytes as a cursor of their own, which reports the same offsets;
     * this cursor moves past them. Reads through the slice cannot pass its end.
     *
     * @param length how many bytes
     * @return a cursor over them
     * @throws WasmFormatException if fewer remain
     */
    public WasmInput slice(int length) {
        require(length);
        WasmInput slice = new WasmInput(bytes, position, position + length);
        position += length;
        return slice;
    }

    /**
     * Moves the cursor forward to an absolute offset, as when stepping over a payload.
     *
     * @param offset the new position, between the current one and the end
     * @throws WasmFormatException if {@code offset} lies before the cursor or past the end
     */
    public void seek(int offset) {
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
        if (count < 0 || count > end - position) {
            throw new WasmFormatException("unexpected end of bytes at offset " + position
                    + " (needed " + count + ", " + (end - position) + " left)");
        }
    }
}
