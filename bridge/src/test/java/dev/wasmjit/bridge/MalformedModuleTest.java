package dev.wasmjit.bridge;

import dev.wasmjit.wasm.WasmOutput;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Module bytes whose counts and sizes claim more than the bytes hold: every reader refuses
 * them at once with one exception naming what is wrong and the byte offset, and never loops.
 * The timeout is only a guard against a hang, not a speed requirement.
 */
class MalformedModuleTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    /** The 14 bytes: a custom section whose size, 2^32 - 6, reads as a negative int. */
    static final byte[] NEGATIVE_SECTION_SIZE = module(0x00, 0xfa, 0xff, 0xff, 0xff, 0x0f);

    /** Each malformed module, with what the message must say. */
    static final Map<String, byte[]> MALFORMED = Map.of(
            "declares 4294967290 bytes", NEGATIVE_SECTION_SIZE,
            "declares 2147483648 bytes", module(0x00, 0x80, 0x80, 0x80, 0x80, 0x08),
            "declares 16 bytes", module(0x01, 0x10, 0x00, 0x00),
            "LEB128", module(0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00),
            "does not fit in 32 bits", module(0x01, 0xff, 0xff, 0xff, 0xff, 0x7f),
            "type count 4294967295", module(0x01, 0x05, 0xff, 0xff, 0xff, 0xff, 0x0f),
            "parameter count 2147483648", module(0x01, 0x08, 0x01, 0x60, 0x80, 0x80, 0x80, 0x80, 0x08, 0x00),
            "name length 4294967295", module(0x02, 0x06, 0x01, 0xff, 0xff, 0xff, 0xff, 0x0f),
            "export count 3", module(0x07, 0x01, 0x03),
            "unexpected end", module(0x01));

    @Test
    void theModuleReaderRefusesCountsAndSizesBeyondTheBytes() {
        MALFORMED.forEach((message, bytes) -> assertTimeoutPreemptively(HANG_GUARD, () ->
                assertThatThrownBy(() -> ModuleShape.read(bytes))
                        .as(message)
                        .isInstanceOf(ModuleException.class)
                        .hasMessageContaining(message)
                        .hasMessageContaining("offset")));
    }

    @Test
    void compileRefusesThemWithoutHanging() {
        MALFORMED.forEach((message, bytes) -> assertTimeoutPreemptively(HANG_GUARD, () ->
                assertThatThrownBy(() -> WasmEngine.shared().compile(bytes))
                        .as(message)
                        .isInstanceOf(ModuleException.class)
                        .hasMessageContaining(message)));
    }

    @Test
    void theLateLinkerRefusesThemAndTheInstanceCarriesOn() {
        try (TestReactor r = TestReactor.start()) {
            MALFORMED.forEach((message, bytes) -> assertTimeoutPreemptively(HANG_GUARD, () ->
                    assertThatThrownBy(() -> r.instance.lateLinker().link(bytes))
                            .as(message)
                            .isInstanceOf(LinkException.class)
                            .hasMessageContaining("generated code is not a module")
                            .hasMessageContaining(message)));
            assertThat(r.fn("add").callI32(1, 1)).isEqualTo(2);
            assertThat(r.instance.lateLinker().link(TestReactor.wasm("jit-triple")).slotsAdded()).isEqualTo(1);
        }
    }

    /** A version-1 header followed by {@code rest}. */
    static byte[] module(int... rest) {
        return new WasmOutput().header().u8s(rest).toByteArray();
    }
}
