package dev.wasmjit.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmjit.wasm.ModuleSections.ExportEntry;
import dev.wasmjit.wasm.ModuleSections.ExternKind;
import dev.wasmjit.wasm.ModuleSections.FuncType;
import dev.wasmjit.wasm.ModuleSections.SegmentMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleRoundTripTest {

    @Test
    void aModuleWithEverySectionReadsBackToTheSameBytes() {
        byte[] written = SampleModules.everySection();
        assertThat(ModuleWriter.write(ModuleReader.read(written))).isEqualTo(written);
    }

    @Test
    void readingGivesBackWhatWasBuilt() {
        ModuleSections module = ModuleReader.read(SampleModules.everySection());
        assertThat(module.imports).hasSize(4);
        assertThat(module.importCount(ExternKind.FUNCTION)).isEqualTo(1);
        assertThat(module.indexSpaceSize(ExternKind.MEMORY)).isEqualTo(3);
        assertThat(module.tableType(0).limits().max()).isEqualTo(10);
        assertThat(module.tableType(1).elementType()).isEqualTo(ValueType.EXTERNREF);
        assertThat(module.memories.get(0).limits().shared()).isTrue();
        assertThat(module.memories.get(1).memory64()).isTrue();
        assertThat(module.exports).containsExactly(new ExportEntry("add", ExternKind.FUNCTION, 1),
                new ExportEntry("loop", ExternKind.FUNCTION, 2));
        assertThat(module.types.get(module.functionTypeIndex(1))).isEqualTo(SampleModules.BINARY_I32);
        assertThat(module.types.get(module.functionTypeIndex(0))).isEqualTo(
                new FuncType(List.of(ValueType.I64), List.of()));
        assertThat(module.start).isEqualTo(2);
        assertThat(module.elements).extracting(ModuleSections.Element::mode)
                .containsExactly(SegmentMode.ACTIVE, SegmentMode.PASSIVE, SegmentMode.DECLARATIVE);
        assertThat(ConstExpr.i32Value(module.datas.get(0).offset(), "data 0")).isEqualTo(1024);
        assertThat(module.datas.get(2).memoryIndex()).isEqualTo(2);
        assertThat(module.customSections).extracting(ModuleSections.CustomSection::name)
                .containsExactly("first", "name");
    }

    @Test
    void theInstructionWalkerSeesEachInstructionWithItsImmediates() {
        ModuleSections module = ModuleReader.read(SampleModules.everySection());
        List<Instruction> loop = InstructionReader.readAll(module.codes.get(1).instructions(), "loop");
        assertThat(loop).extracting(Instruction::opcode).containsExactly(Opcode.BLOCK, Opcode.LOOP,
                Opcode.I32_CONST, Opcode.BR_TABLE, Opcode.END, Opcode.END, Opcode.I32_CONST, Opcode.DATA_DROP,
                Opcode.MEMORY_SIZE, Opcode.DROP, Opcode.DROP, Opcode.END);
        Instruction brTable = loop.get(3);
        assertThat(brTable.operands()).extracting(Instruction.Operand::kind)
                .containsExactly(Immediate.LABEL_VECTOR, Immediate.LABEL);
        assertThat(brTable.immediate()).as("label count").isEqualTo(2);
        Instruction dataDrop = loop.get(7);
        assertThat(dataDrop.operands()).singleElement().satisfies(operand -> {
            assertThat(operand.kind().space()).isEqualTo(IndexSpace.DATA);
            assertThat(operand.value()).isEqualTo(1);
        });
    }

    @Test
    void theBuilderWritesTheSpecsEncodingOfAOneFunctionModule() {
        ModuleSections module = new ModuleSections();
        module.exportFunction("answer", new FuncType(List.of(), List.of(ValueType.I32)), List.of(),
                new WasmOutput().opcode(Opcode.I32_CONST).s64(42).opcode(Opcode.END).toByteArray());
        // (module (func (export "answer") (result i32) i32.const 42)), as wat2wasm encodes it.
        byte[] expected = new WasmOutput().header()
                .u8s(0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f)
                .u8s(0x03, 0x02, 0x01, 0x00)
                .u8s(0x07, 0x0a, 0x01, 0x06, 'a', 'n', 's', 'w', 'e', 'r', 0x00, 0x00)
                .u8s(0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b)
                .toByteArray();
        assertThat(ModuleWriter.write(module)).isEqualTo(expected);
    }

    @Test
    void prefixedOpcodesAreWrittenWithTheirPrefix() {
        assertThat(new WasmOutput().opcode(Opcode.TABLE_SIZE).toByteArray()).containsExactly(0xfc, 16);
        assertThat(new WasmOutput().opcode(Opcode.I32_ADD).toByteArray()).containsExactly(0x6a);
        for (Opcode opcode : Opcode.values()) {
            Opcode decoded = opcode.isPrefixed() ? Opcode.prefixedFc(opcode.code()) : Opcode.singleByte(opcode.code());
            assertThat(decoded).as(opcode.text()).isSameAs(opcode);
        }
    }
}
