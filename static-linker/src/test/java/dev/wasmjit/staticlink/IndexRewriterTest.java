package dev.wasmjit.staticlink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmjit.wasm.Immediate;
import dev.wasmjit.wasm.Instruction;
import dev.wasmjit.wasm.InstructionReader;
import dev.wasmjit.wasm.ModuleReader;
import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.WasmOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexRewriterTest {

    @Test
    void renumbersIndicesAndGrowsTheirEncodingWhenNeeded() {
        byte[] code = new WasmOutput()
                .u8(Opcode.BLOCK.code()).s64(1)
                .u8(Opcode.I32_CONST.code()).s64(7)
                .u8(Opcode.CALL.code()).u32(3)
                .u8(Opcode.GLOBAL_GET.code()).u32(0)
                .u8(Opcode.CALL_INDIRECT.code()).u32(1).u32(0)
                .u8(Opcode.END.code())
                .u8(Opcode.END.code()).toByteArray();
        byte[] rewritten = IndexRewriter.rewrite(code, (space, index) -> switch (space) {
            case FUNCTION -> index + 200;
            case TYPE -> index + 70;
            case GLOBAL -> index + 5;
            default -> index;
        }, "test");
        List<Instruction> instructions = InstructionReader.readAll(rewritten, "test");
        assertThat(instructions).extracting(Instruction::opcode).containsExactly(
                Opcode.BLOCK, Opcode.I32_CONST, Opcode.CALL, Opcode.GLOBAL_GET, Opcode.CALL_INDIRECT,
                Opcode.END, Opcode.END);
        assertThat(instructions.get(0).operands().get(0).kind()).isEqualTo(Immediate.TYPE);
        assertThat(instructions.get(0).immediate()).isEqualTo(71);
        assertThat(instructions.get(1).immediate()).isEqualTo(7);
        assertThat(instructions.get(2).immediate()).isEqualTo(203);
        assertThat(instructions.get(3).immediate()).isEqualTo(5);
        assertThat(instructions.get(4).operands()).extracting(Instruction.Operand::value).containsExactly(71L, 0L);
    }

    @Test
    void identityMapLeavesEveryBodyUnchanged() {
        ModuleSections module = ModuleReader.read(Fixtures.wasm("opcodes"));
        for (ModuleSections.Code code : module.codes) {
            assertThat(IndexRewriter.rewrite(code.instructions(), (space, index) -> index, "test"))
                    .isEqualTo(code.instructions());
        }
    }
}
