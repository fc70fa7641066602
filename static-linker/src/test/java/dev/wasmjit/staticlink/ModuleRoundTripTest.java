package dev.wasmjit.staticlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmjit.staticlink.WasmModule.Code;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleRoundTripTest {

    @Test
    void writesEveryTestModuleBackByteForByte() {
        for (String name : new String[] {"opcodes", "counter", "jit-square", "jit-cube"}) {
            byte[] original = Wabt.compile(name, "--debug-names");
            byte[] written = ModuleWriter.write(ModuleReader.read(original));
            assertThat(written).as(name).isEqualTo(original);
        }
    }

    @Test
    void keepsCustomSectionsInPlace() {
        WasmModule module = ModuleReader.read(Wabt.compile("counter", "--debug-names"));
        assertThat(module.customSections).extracting(WasmModule.CustomSection::name).containsExactly("name");
    }

    @Test
    void walksEveryOpcodeItKnows() {
        WasmModule module = ModuleReader.read(Wabt.compile("opcodes"));
        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        for (Code code : module.codes) {
            InstructionReader.readAll(code.instructions(), "test").forEach(in -> seen.add(in.opcode()));
        }
        assertThat(EnumSet.complementOf(EnumSet.copyOf(seen))).as("opcodes never met").isEmpty();
    }

    @Test
    void roundTrippedModuleBehavesTheSameUnderNode() {
        byte[] original = Wabt.compile("counter");
        byte[] written = ModuleWriter.write(ModuleReader.read(original));
        Wabt.assertValid(written);
        NodeInstance before = script(original).run();
        NodeInstance after = script(written).run();
        for (String export : new String[] {"square", "lastPath", "heapTop", "calls", "stackPointer", "answer"}) {
            assertThat(after.result(export)).as(export).isEqualTo(before.result(export));
        }
        assertThat(after.result("square")).isEqualTo("144");
        assertThat(after.log()).containsExactly("99");
    }

    @Test
    void rejectsTruncatedModuleSayingWhere() {
        byte[] module = Wabt.compile("counter");
        byte[] truncated = Arrays.copyOf(module, module.length - 3);
        assertThatThrownBy(() -> ModuleReader.read(truncated))
                .isInstanceOf(WasmFormatException.class)
                .hasMessageContaining("offset");
    }

    @Test
    void rejectsSimdCodeNamingTheOpcode() {
        byte[] simd = {(byte) 0xFD, 0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1A, 0x0B};
        assertThatThrownBy(() -> InstructionReader.readAll(simd, "function 3"))
                .isInstanceOf(WasmFormatException.class)
                .hasMessage("function 3: unsupported opcode 0xfd (SIMD) at offset 0");
    }

    private static NodeInstance script(byte[] module) {
        return NodeInstance.of(module).invoke("_initialize").invoke("square", 12).invoke("lastPath")
                .invoke("allocate", 99).invoke("heapTop").invoke("calls").invoke("stackPointer").invoke("answer");
    }
}
