package dev.wasmjit.staticlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmjit.wasm.InstructionReader;
import dev.wasmjit.wasm.ModuleReader;
import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.ModuleSections.Code;
import dev.wasmjit.wasm.ModuleWriter;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.WasmFormatException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FixtureRoundTripTest {

    @Test
    void writesEveryTestModuleBackByteForByte() {
        // With and without a name section: CI runs the committed fixtures under Node and
        // wasm-validate, which this makes a check of their round-tripped bytes as well.
        for (String name : new String[] {"opcodes", "opcodes.names", "counter", "counter.names", "jit-square",
                "jit-square.names", "jit-cube", "jit-cube.names", "jit-branching-patch"}) {
            byte[] original = Fixtures.wasm(name);
            byte[] written = ModuleWriter.write(ModuleReader.read(original));
            assertThat(written).as(name).isEqualTo(original);
        }
    }

    @Test
    void keepsCustomSectionsInPlace() {
        ModuleSections module = ModuleReader.read(Fixtures.wasm("counter.names"));
        assertThat(module.customSections).extracting(ModuleSections.CustomSection::name).containsExactly("name");
    }

    @Test
    void walksEveryOpcodeItKnows() {
        ModuleSections module = ModuleReader.read(Fixtures.wasm("opcodes"));
        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        for (Code code : module.codes) {
            InstructionReader.readAll(code.instructions(), "test").forEach(in -> seen.add(in.opcode()));
        }
        assertThat(EnumSet.complementOf(EnumSet.copyOf(seen))).as("opcodes never met").isEmpty();
    }

    @Test
    void roundTrippedModuleBehavesTheSameOnWasmtime() {
        byte[] original = Fixtures.wasm("counter");
        byte[] written = ModuleWriter.write(ModuleReader.read(original));
        Validator.assertValid(written);
        TestInstance before = script(original).run();
        TestInstance after = script(written).run();
        for (String export : new String[] {"square", "lastPath", "heapTop", "calls", "stackPointer", "answer"}) {
            assertThat(after.result(export)).as(export).isEqualTo(before.result(export));
        }
        assertThat(after.result("square")).isEqualTo("144");
        assertThat(after.log()).containsExactly("99");
    }

    @Test
    void rejectsTruncatedModuleSayingWhere() {
        byte[] module = Fixtures.wasm("counter");
        byte[] truncated = Arrays.copyOf(module, module.length - 3);
        assertThatThrownBy(() -> ModuleReader.read(truncated))
                .isInstanceOf(WasmFormatException.class)
                .hasMessageContaining("offset");
    }

    private static TestInstance script(byte[] module) {
        return TestInstance.of(module).invoke("square", 12).invoke("lastPath")
                .invoke("allocate", 99).invoke("heapTop").invoke("calls").invoke("stackPointer").invoke("answer");
    }
}
