package dev.wasmjit.reliability;

import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.ModuleSections.CustomSection;
import dev.wasmjit.wasm.ModuleSections.FuncType;
import dev.wasmjit.wasm.ModuleSections.Limits;
import dev.wasmjit.wasm.ModuleSections.MemoryType;
import dev.wasmjit.wasm.ModuleWriter;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.SectionId;
import dev.wasmjit.wasm.ValueType;
import dev.wasmjit.wasm.WasmOutput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The module fuzzer's cases, made from a seed: case {@code i} depends only on the seed and
 * {@code i}, so a failure is reproduced by the seed and case number it reports.
 *
 * <p>A third of the cases mutate real generated code (modules the bundled guest's JIT made),
 * a fifth mutate the {@link MinimalGuest}, a tenth tiny hand-built modules; the rest come from
 * the {@link ModuleGenerator}, a few of them mutated too. The first cases are the starting
 * modules themselves, unchanged, and the 14-byte module of a section size past 2^31 that once
 * made the bridge's reader loop for ever.
 */
final class FuzzModules {

    /** One case: its number, where it came from, and its bytes. */
    record FuzzModule(int index, String origin, byte[] bytes) {
        String describe(long seed) {
            return "case " + index + " of seed " + seed + " (" + origin + ", " + bytes.length + " bytes)";
        }
    }

    private final long seed;
    private final List<byte[]> generatedCode;
    private final List<byte[]> tiny = tinyModules();
    private final byte[] guest = MinimalGuest.bytes();

    /**
     * @param seed          the seed
     * @param generatedCode modules the real guest's JIT generated: mutation starting points
     */
    FuzzModules(long seed, List<byte[]> generatedCode) {
        this.seed = seed;
        this.generatedCode = List.copyOf(generatedCode);
    }

    List<FuzzModule> first(int count) {
        List<FuzzModule> cases = new ArrayList<>(count);
        List<byte[]> unchanged = new ArrayList<>(tiny);
        unchanged.addAll(generatedCode);
        unchanged.add(guest);
        for (int i = 0; i < count; i++) {
            if (i < unchanged.size()) {
                cases.add(new FuzzModule(i, "a starting module, unchanged", unchanged.get(i)));
            } else {
                cases.add(make(i));
            }
        }
        return cases;
    }

    private FuzzModule make(int index) {
        Random random = new Random(seed ^ (index * 0x9E3779B97F4A7C15L));
        ModuleMutator mutator = new ModuleMutator(random);
        ModuleGenerator generator = new ModuleGenerator(random);
        int kind = random.nextInt(100);
        if (kind < 35) {
            byte[] code = generatedCode.get(random.nextInt(generatedCode.size()));
            ModuleMutator.Mutant mutant = mutator.mutate(code, guest);
            return new FuzzModule(index, "guest-generated code mutated: " + mutant.how(), mutant.bytes());
        }
        if (kind < 55) {
            ModuleMutator.Mutant mutant = mutator.mutate(guest, generatedCode.get(0));
            return new FuzzModule(index, "minimal guest mutated: " + mutant.how(), mutant.bytes());
        }
        if (kind < 65) {
            ModuleMutator.Mutant mutant = mutator.mutate(tiny.get(random.nextInt(tiny.size())), guest);
            return new FuzzModule(index, "tiny module mutated: " + mutant.how(), mutant.bytes());
        }
        boolean code = kind < 83;
        byte[] generated = code ? generator.generatedCode() : generator.guestVariant();
        String origin = code ? "generated code" : "generated guest variant";
        if (random.nextInt(10) == 0) {
            ModuleMutator.Mutant mutant = mutator.mutate(generated, guest);
            return new FuzzModule(index, origin + " mutated: " + mutant.how(), mutant.bytes());
        }
        return new FuzzModule(index, origin, generated);
    }

    /** Hand-built modules of a few bytes each, the looping one among them. */
    static List<byte[]> tinyModules() {
        byte[] header = new WasmOutput().header().toByteArray();
        List<byte[]> modules = new ArrayList<>();
        modules.add(new byte[0]);
        modules.add(Arrays.copyOf(header, 4));
        modules.add(header);
        modules.add(new WasmOutput().bytes(header, 0, 4).u8s(2, 0, 0, 0).toByteArray());
        modules.add("(module)".getBytes(StandardCharsets.US_ASCII));
        // a section size of 2^32 - 6: the bridge's reader once looped for ever on it
        modules.add(new WasmOutput().bytes(header).u8(SectionId.CUSTOM.code()).u32(0xfffffffa).toByteArray());
        // an empty type section, which the module writer would leave out
        modules.add(new WasmOutput().bytes(header).section(SectionId.TYPE, new WasmOutput().u32(0).toByteArray())
                .toByteArray());
        ModuleSections memory = new ModuleSections();
        memory.memories.add(new MemoryType(new Limits(1, -1, false), false));
        modules.add(ModuleWriter.write(memory));
        ModuleSections custom = new ModuleSections();
        custom.customSections.add(new CustomSection("name", new byte[]{1, 2, 3}, 0));
        modules.add(ModuleWriter.write(custom));
        ModuleSections answer = new ModuleSections();
        answer.exportFunction("answer", new FuncType(List.of(), List.of(ValueType.I32)), List.of(),
                new WasmOutput().opcode(Opcode.I32_CONST).s64(42).opcode(Opcode.END).toByteArray());
        modules.add(ModuleWriter.write(answer));
        ModuleSections loop = new ModuleSections();
        loop.types.add(new FuncType(List.of(), List.of()));
        loop.functions.add(0);
        loop.start = 0;
        loop.codes.add(MinimalGuest.code(List.of(), new WasmOutput()
                .opcode(Opcode.LOOP).u8(Opcode.EMPTY_BLOCK_TYPE).opcode(Opcode.BR).u32(0).opcode(Opcode.END)));
        modules.add(ModuleWriter.write(loop));
        return modules;
    }
}
