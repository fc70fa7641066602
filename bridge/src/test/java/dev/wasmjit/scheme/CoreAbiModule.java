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
            "setHeapLimit", "heapSize", "setMaxNestedCalls", "isExpressionHandle", "setTiering", "tierRoundsStarted",
            "stackPointer", "setStackPointer");

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
