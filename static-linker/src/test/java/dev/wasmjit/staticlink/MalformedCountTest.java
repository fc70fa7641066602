package dev.wasmjit.staticlink;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.wasmjit.wasm.InstructionReader;
import dev.wasmjit.wasm.ModuleReader;
import dev.wasmjit.wasm.WasmFormatException;
import dev.wasmjit.wasm.WasmOutput;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Counts and sizes that claim more than the bytes hold are refused before anything loops or
 * allocates for them, with one {@link WasmFormatException} naming what and where. The
 * timeout only guards against a hang; it is not a speed requirement.
 */
class MalformedCountTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    /** A type section with one type {@code () -> ()} and a function section with one function. */
    private static final int[] ONE_FUNCTION = {0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00};

    private static final Map<String, byte[]> MALFORMED = Map.of(
            "declares 4294967290 bytes", module(0x00, 0xfa, 0xff, 0xff, 0xff, 0x0f),
            "type count 4294967295", module(0x01, 0x05, 0xff, 0xff, 0xff, 0xff, 0x0f),
            "parameter count 2147483648", module(0x01, 0x08, 0x01, 0x60, 0x80, 0x80, 0x80, 0x80, 0x08, 0x00),
            "parameter count 2147483647", module(0x01, 0x08, 0x01, 0x60, 0xff, 0xff, 0xff, 0xff, 0x07, 0x00),
            "name length 4294967295", module(0x02, 0x06, 0x01, 0xff, 0xff, 0xff, 0xff, 0x0f),
            "function body length 127", with(ONE_FUNCTION, 0x0a, 0x02, 0x01, 0x7f),
            "element count 2147483647", module(0x09, 0x0a, 0x01, 0x01, 0x00, 0xff, 0xff, 0xff, 0xff, 0x07, 0x00, 0x00),
            "data segment length 4294967295", module(0x0b, 0x07, 0x01, 0x01, 0xff, 0xff, 0xff, 0xff, 0x0f));

    @Test
    void theModuleReaderRefusesCountsAndSizesBeyondTheBytes() {
        MALFORMED.forEach((message, bytes) -> assertTimeoutPreemptively(HANG_GUARD, () ->
                assertThatThrownBy(() -> ModuleReader.read(bytes))
                        .as(message)
                        .isInstanceOf(WasmFormatException.class)
                        .hasMessageContaining(message)
                        .hasMessageContaining("offset")));
    }

    @Test
    void theStaticLinkerRefusesThemThroughItsPublicEntry() {
        MALFORMED.forEach((message, bytes) -> assertTimeoutPreemptively(HANG_GUARD, () ->
                assertThatThrownBy(() -> StaticLinker.instrument(bytes))
                        .as(message)
                        .isInstanceOf(WasmFormatException.class)
                        .hasMessageContaining(message)));
    }

    @Test
    void theInstructionReaderRefusesVectorCountsBeyondTheBytes() {
        byte[] brTable = {0x0e, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 0x00, 0x0b};
        assertThatThrownBy(() -> InstructionReader.readAll(brTable, "test"))
                .isInstanceOf(WasmFormatException.class)
                .hasMessageContaining("br_table label count 4294967295 at offset 1");
        byte[] select = {0x1c, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08, 0x7f, 0x0b};
        assertThatThrownBy(() -> InstructionReader.readAll(select, "test"))
                .isInstanceOf(WasmFormatException.class)
                .hasMessageContaining("select type count 2147483648 at offset 1");
    }

    private static byte[] module(int... rest) {
        return with(new int[0], rest);
    }

    private static byte[] with(int[] sections, int... rest) {
        return new WasmOutput().header().u8s(sections).u8s(rest).toByteArray();
    }
}
