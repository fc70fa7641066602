package dev.wasmjit.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WasmEncodingTest {

    @Test
    void unsignedLeb128RoundTripsAtTheEdges() {
        for (int value : new int[] {0, 1, 63, 64, 127, 128, 16383, 16384, Integer.MAX_VALUE, -1}) {
            byte[] bytes = new WasmOutput().u32(value).toByteArray();
            assertThat(new WasmInput(bytes).u32()).as("u32 %d", value).isEqualTo(value);
        }
        assertThat(new WasmOutput().u32(-1).toByteArray()).hasSize(5);
        assertThat(new WasmOutput().u32(127).toByteArray()).containsExactly(0x7F);
    }

    @Test
    void signedLeb128RoundTripsAtTheEdges() {
        for (long value : new long[] {0, 1, -1, 63, 64, -64, -65, Integer.MIN_VALUE, Integer.MAX_VALUE,
                Long.MIN_VALUE, Long.MAX_VALUE}) {
            byte[] bytes = new WasmOutput().s64(value).toByteArray();
            assertThat(new WasmInput(bytes).s64()).as("s64 %d", value).isEqualTo(value);
            if (value == (int) value) {
                assertThat(new WasmInput(bytes).s32()).as("s32 %d", value).isEqualTo((int) value);
            }
        }
        assertThat(new WasmOutput().s64(-64).toByteArray()).containsExactly(0x40);
        assertThat(new WasmOutput().s64(64).toByteArray()).containsExactly(0xC0, 0x00);
    }

    @Test
    void unsigned64BitLeb128RoundTripsAtTheEdges() {
        for (long value : new long[] {0, 127, 128, 1L << 35, Long.MAX_VALUE, -1L}) {
            byte[] bytes = new WasmOutput().u64(value).toByteArray();
            assertThat(new WasmInput(bytes).u64()).as("u64 %d", value).isEqualTo(value);
        }
        assertThat(new WasmOutput().u64(-1L).toByteArray()).hasSize(10).endsWith(0x01);
        byte[] sixtyFiveBits = new WasmOutput().u8s(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x03)
                .toByteArray();
        assertThatThrownBy(() -> new WasmInput(sixtyFiveBits).u64())
                .isInstanceOf(WasmFormatException.class).hasMessageContaining("does not fit in 64 bits");
    }

    @Test
    void blockTypesReadAsSigned33BitIntegers() {
        assertThat(new WasmInput(new byte[] {0x40}).s33()).as("the empty block type").isEqualTo(-64);
        assertThat(new WasmInput(new byte[] {0x7f}).s33()).as("i32").isEqualTo(-1);
        byte[] largestTypeIndex = new WasmOutput().s64((1L << 32) - 1).toByteArray();
        assertThat(new WasmInput(largestTypeIndex).s33()).isEqualTo((1L << 32) - 1);
        byte[] tooLarge = new WasmOutput().s64(1L << 32).toByteArray();
        assertThatThrownBy(() -> new WasmInput(tooLarge).s33()).isInstanceOf(WasmFormatException.class);
    }

    @Test
    void acceptsPaddedButInRangeLeb128() {
        // Linkers pad indices to five bytes so that they can patch them in place.
        byte[] padded = {(byte) 0x85, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00};
        assertThat(new WasmInput(padded).u32()).isEqualTo(5);
    }

    @Test
    void rejectsLeb128ThatOverflowsItsWidth() {
        byte[] sixBytes = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00};
        assertThatThrownBy(() -> new WasmInput(sixBytes).u32())
                .isInstanceOf(WasmFormatException.class).hasMessageContaining("offset 0");
        byte[] thirtyThreeBits = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x10};
        assertThatThrownBy(() -> new WasmInput(thirtyThreeBits).u32()).isInstanceOf(WasmFormatException.class);
        byte[] badSignExtension = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x70};
        assertThatThrownBy(() -> new WasmInput(badSignExtension).s32()).isInstanceOf(WasmFormatException.class);
    }

    @Test
    void readingPastTheEndSaysWhere() {
        assertThatThrownBy(() -> new WasmInput(new byte[] {(byte) 0x80}).u32())
                .isInstanceOf(WasmFormatException.class)
                .hasMessageContaining("unexpected end of bytes at offset 1");
    }

    @Test
    void aU32PaddedToFiveBytesIsReadAndOnePaddedToSixIsRefused() {
        byte[] padded = new WasmOutput().paddedU64(3, 5).toByteArray();
        assertThat(padded).containsExactly(0x83, 0x80, 0x80, 0x80, 0x00);
        assertThat(new WasmInput(padded).u32()).isEqualTo(3);
        assertThat(new WasmOutput().paddedU64(300, 1).toByteArray()).isEqualTo(new WasmOutput().u32(300).toByteArray());

        byte[] overlong = new WasmOutput().paddedU64(3, 6).toByteArray();
        assertThat(overlong).hasSize(6);
        assertThatThrownBy(() -> new WasmInput(overlong).u32()).isInstanceOf(WasmFormatException.class);
    }

    @Test
    void aSectionIsItsIdThenItsSizeThenItsPayload() {
        assertThat(new WasmOutput().section(SectionId.MEMORY, new byte[] {1, 0, 1}).toByteArray())
                .containsExactly(5, 3, 1, 0, 1);
        assertThat(SectionId.DATA_COUNT.code()).isEqualTo(12);
    }
}
