package dev.wasmjit.reliability;

import dev.wasmjit.junit.WasmjitTest;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.WasmOutput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A guest whose memory has grown to 4 GiB may report a generated module of 2 GiB that lies
 * inside it: the host refuses it in one line instead of trying to copy it (the module fuzzer
 * found {@code OutOfMemoryError: Requested array size exceeds VM limit}).
 */
@WasmjitTest
class JitModuleSizeTest {

    @Test
    void aTwoGibibyteModuleInsideAFourGibibyteMemoryIsRefusedAndTheInterpreterAnswersAfterwards(
            SchemeInterpreter.Builder builder) {
        MinimalGuest.Layout layout = new MinimalGuest.Layout();
        // grown by the first evaluation: the host takes only memories of 2 GiB or less at the start
        layout.evalPrelude = new WasmOutput().opcode(Opcode.I32_CONST).s64(65536 - MinimalGuest.MEMORY_PAGES)
                .opcode(Opcode.MEMORY_GROW).u8(0).opcode(Opcode.DROP).toByteArray();
        try (SchemeInterpreter scheme = builder.module(MinimalGuest.assemble(layout)).build()) {
            scheme.eval(scheme.parse("grow"));
            assertThat(scheme.instance().memory().size()).isEqualTo(1L << 32);
            MinimalGuest.offer(scheme, new byte[]{0, 'a', 's', 'm', 1, 0, 0, 0}, Integer.MAX_VALUE);

            assertThatThrownBy(scheme::jit).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the guest's jitModule reported a module of 2147483647 bytes, more than the 67108864"
                            + " a generated module may have");
            assertThat(scheme.eval(scheme.parse("abc")).asInteger()).isEqualTo(MinimalGuest.resultFor("abc"));
        }
    }
}
