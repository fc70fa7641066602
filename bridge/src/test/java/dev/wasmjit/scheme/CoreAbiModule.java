package dev.wasmjit.scheme;

import dev.wasmjit.wasm.ModuleReader;
import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.ModuleWriter;
import java.util.Set;

/**
 * The bundled guest with the extensions' exports removed, so that it offers only the core guest
 * ABI: {@link #CORE}. Only the export section changes; the code is untouched. Shared with the
 * other modules' tests through the bridge's test jar.
 */
public final class CoreAbiModule {

    /** The exports of the core guest ABI, which every guest has. */
    public static final Set<String> CORE = Set.of("memory", "__indirect_function_table", "_initialize",
            "allocateBytes", "freeBytes", "parse", "eval", "jitModule", "moduleData", "moduleSize", "freeModule");

    /** The exports of the extensions, which a host uses when present: every other export of the guest. */
    public static final Set<String> EXTENSIONS = Set.of("evalQuietly", "lastResultText", "lastResultKind", "lastResultInteger",
            "lastErrorMessage", "pendingJitCount", "compiledFunctionCount", "collectionCount",
            "setHeapLimit", "heapSize", "setMaxNestedCalls", "isExpressionHandle", "releaseProgram", "setTiering", "tierRoundsStarted",
            "setCompiledDepthBudget",
            "stackPointer", "setStackPointer", "runCatching");

    private CoreAbiModule() {
    }

    /**
     * The bundled guest's bytes with the extension exports removed.
     *
     * @return a module with exactly the core ABI's exports
     */
    public static byte[] bytes() {
        return withoutExports(SchemeInterpreter.bundledBytes(), EXTENSIONS);
    }

    /**
     * A module's bytes with one export of type {@code () -> i32} answering a constant instead:
     * a new function that returns {@code value}, exported under {@code name}. For a broken
     * module, whose {@code lastResultText} gives an address outside its memory, say.
     *
     * @param guest the module
     * @param name  the export to replace
     * @param value what it returns
     * @return the module with the export replaced
     */
    public static byte[] withExportReturning(byte[] guest, String name, int value) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(0x41); // i32.const, signed LEB128
        for (long rest = value; ; rest >>= 7) {
            int bits = (int) (rest & 0x7f);
            boolean done = (rest >> 7 == 0 && (bits & 0x40) == 0) || (rest >> 7 == -1 && (bits & 0x40) != 0);
            body.write(done ? bits : bits | 0x80);
            if (done) {
                break;
            }
        }
        body.write(0x0b); // end
        return withExport(guest, name, new ModuleSections.FuncType(java.util.List.of(),
                java.util.List.of(dev.wasmjit.wasm.ValueType.I32)), body.toByteArray());
    }

    /**
     * A module's bytes with one export of type {@code (i32) -> ()} that never returns: a loop
     * without end, exported under {@code name}. For a broken module whose
     * {@code setStackPointer} runs away, say.
     *
     * @param guest the module
     * @param name  the export to replace
     * @return the module with the export replaced
     */
    public static byte[] withExportLoopingForever(byte[] guest, String name) {
        byte[] loop = {0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b}; // loop (br 0) end, end
        return withExport(guest, name, new ModuleSections.FuncType(java.util.List.of(dev.wasmjit.wasm.ValueType.I32),
                java.util.List.of()), loop);
    }

    /**
     * A module's bytes with a start function that never returns, so that instantiating it
     * runs until its deadline.
     *
     * @param guest the module, without a start function
     * @return the module with one
     */
    public static byte[] withStartLoopingForever(byte[] guest) {
        ModuleSections module = ModuleReader.read(guest);
        module.start = addFunction(module, new ModuleSections.FuncType(java.util.List.of(), java.util.List.of()),
                new byte[] {0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b});
        return ModuleWriter.write(module);
    }

    /** Adds a function of this type (reusing an equal type) and body, with no locals: its index. */
    private static int addFunction(ModuleSections module, ModuleSections.FuncType type, byte[] body) {
        int typeIndex = module.types.indexOf(type);
        if (typeIndex < 0) {
            module.types.add(type);
            typeIndex = module.types.size() - 1;
        }
        long importedFunctions = module.imports.stream()
                .filter(i -> i.type() instanceof ModuleSections.FunctionImport).count();
        module.functions.add(typeIndex);
        module.codes.add(new ModuleSections.Code(java.util.List.of(), body));
        return (int) importedFunctions + module.functions.size() - 1;
    }

    /** A new function of this type and body, exported under {@code name} in place of the old export. */
    private static byte[] withExport(byte[] guest, String name, ModuleSections.FuncType type, byte[] body) {
        ModuleSections module = ModuleReader.read(guest);
        int function = addFunction(module, type, body);
        module.exports.replaceAll(export -> export.name().equals(name)
                ? new ModuleSections.ExportEntry(name, export.kind(), function) : export);
        return ModuleWriter.write(module);
    }

    /**
     * A module's bytes with some exports removed; nothing else changes.
     *
     * @param guest the module
     * @param names the exports to remove; names the module lacks are ignored
     * @return the module without them
     */
    public static byte[] withoutExports(byte[] guest, Set<String> names) {
        ModuleSections module = ModuleReader.read(guest);
        module.exports.removeIf(export -> names.contains(export.name()));
        return ModuleWriter.write(module);
    }
}
