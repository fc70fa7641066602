package dev.wasmjit.reliability;

import dev.wasmjit.staticlink.StaticLinkSession;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.WasmOutput;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A guest whose memory grew to 4 GiB cannot be snapshotted in one array: the static linker
 * refuses it in one line, and the session's interpreter answers afterwards (the module fuzzer
 * found {@code ArithmeticException: integer overflow}, and {@code OutOfMemoryError} for a
 * memory between the heap and 2 GiB).
 */
class StaticLinkLargeMemoryTest {

    @Test
    void aFourGibibyteMemoryIsRefusedInOneLineAndTheInterpreterAnswersAfterwards() {
        MinimalGuest.Layout layout = new MinimalGuest.Layout();
        layout.evalPrelude = new WasmOutput().opcode(Opcode.I32_CONST).s64(65536 - MinimalGuest.MEMORY_PAGES)
                .opcode(Opcode.MEMORY_GROW).u8(0).opcode(Opcode.DROP).toByteArray();
        try (StaticLinkSession session = StaticLinkSession.start(MinimalGuest.assemble(layout),
                builder -> builder.stdout(OutputStream.nullOutputStream()).deadline(Duration.ofSeconds(10)))) {
            session.interpreter().eval(session.interpreter().parse("grow"));
            assertThat(session.interpreter().instance().memory().size()).isEqualTo(1L << 32);

            Throwable refused = catchThrowable(session::linkStatically);

            // named by its simple name: the exception is moving to the wasm-format module
            assertThat(refused.getClass().getSimpleName()).isEqualTo("WasmFormatException");
            assertThat(refused).hasMessageStartingWith("the instance's memory of 4294967296 bytes is too large to snapshot");
            assertThat(session.interpreter().eval(session.interpreter().parse("abc")).asInteger())
                    .isEqualTo(MinimalGuest.resultFor("abc"));
        }
    }
}
