package dev.wasmjit.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bytes that are cut short, or whose counts and sizes claim more than they hold, give one
 * {@link WasmFormatException} saying what and where: never another exception, a loop or an
 * allocation the size of the claim. The timeout only guards against a hang.
 */
class MalformedInputTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @Test
    void everyTruncationInsideASectionIsAFormatError() {
        byte[] module = SampleModules.everySection();
        Set<Integer> sectionEnds = sectionEnds(module);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int length = 0; length < module.length; length++) {
                byte[] truncated = Arrays.copyOf(module, length);
                if (sectionEnds.contains(length)) {
                    // Cut between sections, the bytes are a smaller module, as long as no code is missing.
                    continue;
                }
                assertThatThrownBy(() -> ModuleReader.read(truncated))
                        .as("the first %d bytes", length)
                        .isInstanceOf(WasmFormatException.class)
                        .hasMessageContaining(length < 8 ? "\\0asm" : "offset");
            }
        });
    }

    @Test
    void everyByteChangedToAnExtremeIsReadOrAFormatError() {
        byte[] module = SampleModules.everySection();
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int at = 0; at < module.length; at++) {
                for (int value : new int[] {0x00, 0x01, 0x40, 0x7f, 0x80, 0xff}) {
                    byte[] changed = module.clone();
                    changed[at] = (byte) value;
                    try {
                        ModuleReader.read(changed);
                    } catch (WasmFormatException expected) {
                        assertThat(expected.getMessage()).as("byte %d set to 0x%02x", at, value).isNotBlank();
                    }
                }
            }
        });
    }

    @Test
    void countsAndLengthsLargerThanTheBytesAreRefusedBeforeUse() {
        Map<String, byte[]> malformed = Map.of(
                "type count 4294967295 at offset 10", module(0x01, 0x05, 0xff, 0xff, 0xff, 0xff, 0x0f),
                "parameter count 2147483647 at offset 12",
                module(0x01, 0x08, 0x01, 0x60, 0xff, 0xff, 0xff, 0xff, 0x07, 0x00),
                "name length 4294967295 at offset 11", module(0x02, 0x06, 0x01, 0xff, 0xff, 0xff, 0xff, 0x0f),
                "export count 3 at offset 10", module(0x07, 0x01, 0x03),
                "declares 4294967290 bytes", module(0x00, 0xfa, 0xff, 0xff, 0xff, 0x0f),
                "data segment length 4294967295", module(0x0b, 0x07, 0x01, 0x01, 0xff, 0xff, 0xff, 0xff, 0x0f),
                "local group count 268435455",
                module(0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
                        0x0a, 0x07, 0x01, 0x05, 0xff, 0xff, 0xff, 0x7f, 0x0b));
        malformed.forEach((message, bytes) -> assertTimeoutPreemptively(HANG_GUARD, () ->
                assertThatThrownBy(() -> ModuleReader.read(bytes))
                        .as(message)
                        .isInstanceOf(WasmFormatException.class)
                        .hasMessageContaining(message)));
    }

    @Test
    void theCursorBoundsCountsLengthsAndSlicesByWhatRemains() {
        WasmInput in = new WasmInput(new WasmOutput().u32(3).u8s(1, 2).toByteArray());
        assertThatThrownBy(() -> in.count("item"))
                .isInstanceOf(WasmFormatException.class)
                .hasMessage("item count 3 at offset 0 is larger than the 2 bytes that remain");
        WasmInput lengths = new WasmInput(new WasmOutput().u32(Integer.MAX_VALUE).toByteArray());
        assertThatThrownBy(() -> lengths.length("blob"))
                .isInstanceOf(WasmFormatException.class)
                .hasMessageContaining("blob length 2147483647 at offset 0");
        WasmInput slices = new WasmInput(new byte[] {1, 2, 3});
        WasmInput slice = slices.slice(2);
        assertThat(slices.position()).isEqualTo(2);
        assertThat(slice.u8()).isEqualTo(1);
        assertThat(slice.u8()).isEqualTo(2);
        assertThatThrownBy(slice::u8).isInstanceOf(WasmFormatException.class)
                .hasMessageContaining("unexpected end of bytes at offset 2");
        assertThatThrownBy(() -> slices.slice(2)).isInstanceOf(WasmFormatException.class);
        assertThatThrownBy(() -> slices.slice(Integer.MAX_VALUE))
                .as("a length that overflows the cursor's position")
                .isInstanceOf(WasmFormatException.class)
                .hasMessageContaining("unexpected end of bytes at offset 2");
    }

    @Test
    void aNameThatIsNotUtf8IsRefused() {
        byte[] name = new WasmOutput().u32(2).u8s(0xc3, 0x28).toByteArray();
        assertThatThrownBy(() -> new WasmInput(name).name())
                .isInstanceOf(WasmFormatException.class)
                .hasMessage("name at offset 0 is not valid UTF-8");
    }

    @Test
    void simdCodeIsRefusedNamingTheOpcode() {
        byte[] simd = new WasmOutput().u8s(0xfd, 0x0c).bytes(new byte[16]).opcode(Opcode.DROP).opcode(Opcode.END)
                .toByteArray();
        assertThatThrownBy(() -> InstructionReader.readAll(simd, "function 3"))
                .isInstanceOf(WasmFormatException.class)
                .hasMessage("function 3: unsupported opcode 0xfd (SIMD) at offset 0");
    }

    @Test
    void anUnknownValueTypeNamesItsOffset() {
        assertThatThrownBy(() -> ValueType.of(0x42, 17))
                .isInstanceOf(WasmFormatException.class)
                .hasMessage("unknown value type 0x42 at offset 17");
    }

    /** The offsets at which a section ends: the header's end, and each section's. */
    private static Set<Integer> sectionEnds(byte[] module) {
        Set<Integer> ends = new HashSet<>();
        WasmInput in = new WasmInput(module);
        in.slice(8);
        ends.add(in.position());
        while (!in.atEnd()) {
            in.u8();
            in.slice(in.length("section"));
            ends.add(in.position());
        }
        return ends;
    }

    private static byte[] module(int... rest) {
        return new WasmOutput().header().u8s(rest).toByteArray();
    }
}
