package dev.wasmjit.reliability;

import dev.wasmjit.reliability.WasmBytes.Op;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        byte[] header = WasmBytes.HEADER;
        List<byte[]> modules = new ArrayList<>();
        modules.add(new byte[0]);
        modules.add(new byte[]{0, 'a', 's', 'm'});
        modules.add(header);
        modules.add(new WasmBytes().bytes(0, 'a', 's', 'm', 2, 0, 0, 0).toBytes());
        modules.add("(module)".getBytes(StandardCharsets.US_ASCII));
        // a section size of 2^32 - 6: the bridge's reader once looped for ever on it
        modules.add(new WasmBytes().bytes(header).bytes(0x00, 0xfa, 0xff, 0xff, 0xff, 0x0f).toBytes());
        modules.add(new WasmBytes().bytes(header).section(Op.SECTION_TYPE, new WasmBytes().u32(0).toBytes()).toBytes());
        modules.add(new WasmBytes().bytes(header)
                .section(Op.SECTION_MEMORY, new WasmBytes().u32(1).u8(0).u32(1).toBytes()).toBytes());
        modules.add(new WasmBytes().bytes(header)
                .section(Op.SECTION_CUSTOM, new WasmBytes().name("name").bytes(1, 2, 3).toBytes()).toBytes());
        byte[] types = new WasmBytes().vector(List.of(WasmBytes.functionType(new int[0], new int[]{Op.I32}))).toBytes();
        byte[] oneFunction = new WasmBytes().u32(1).u32(0).toBytes();
        byte[] body = new WasmBytes().vector(List.of(WasmBytes.functionBody(List.of(),
                new WasmBytes().u8(Op.I32_CONST).s64(42).toBytes()))).toBytes();
        modules.add(new WasmBytes().bytes(header)
                .section(Op.SECTION_TYPE, types)
                .section(Op.SECTION_FUNCTION, oneFunction)
                .section(Op.SECTION_EXPORT, new WasmBytes().vector(List.of(WasmBytes.export("answer", Op.KIND_FUNCTION, 0))).toBytes())
                .section(Op.SECTION_CODE, body).toBytes());
        byte[] voidType = new WasmBytes().vector(List.of(WasmBytes.functionType(new int[0], new int[0]))).toBytes();
        byte[] loopBody = new WasmBytes().vector(List.of(WasmBytes.functionBody(List.of(),
                new WasmBytes().u8(Op.LOOP).u8(Op.BLOCK_EMPTY).u8(Op.BR).u32(0).u8(Op.END).toBytes()))).toBytes();
        modules.add(new WasmBytes().bytes(header)
                .section(Op.SECTION_TYPE, voidType)
                .section(Op.SECTION_FUNCTION, oneFunction)
                .section(Op.SECTION_START, new WasmBytes().u32(0).toBytes())
                .section(Op.SECTION_CODE, loopBody).toBytes());
        return modules;
    }
}
