package dev.wasmjit.scheme;

import dev.wasmjit.bridge.ModuleException;
import dev.wasmjit.wasm.WasmOutput;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A malformed module given to the interpreter's builder is refused at once, never looped over. */
class MalformedModuleSchemeTest {

    @Test
    void theBuilderRefusesASectionSizeOfTwoToTheThirtyOneOrMore() {
        byte[] negativeSectionSize = new WasmOutput().header().u8s(0x00, 0xfa, 0xff, 0xff, 0xff, 0x0f).toByteArray();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> SchemeInterpreter.builder().module(negativeSectionSize).build())
                        .isInstanceOf(ModuleException.class)
                        .hasMessageContaining("section 0 at byte offset 8"));
    }
}
