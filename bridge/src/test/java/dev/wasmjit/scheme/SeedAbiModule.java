package dev.wasmjit.scheme;

import dev.wasmjit.wasm.ModuleReader;
import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.ModuleWriter;
import java.util.Set;

/**
 * The bundled guest with the wasmjit extensions' exports removed: exactly the exports a
 * module built from the seed's interp.cc has. Only the export section changes; the code
 * is untouched. Shared with the other modules' tests through the bridge's test jar.
 */
public final class SeedAbiModule {

    /** The exports of the wasmjit extensions, which a seed-built module lacks. */
    public static final Set<String> EXTENSIONS = Set.of("lastResultText", "lastResultKind", "lastResultInteger",
            "lastErrorMessage", "pendingJitCount", "compiledFunctionCount", "collectionCount",
            "stackPointer", "setStackPointer");

    private SeedAbiModule() {
    }

    /**
     * The bundled guest's bytes with the extension exports removed.
     *
     * @return a module with exactly the seed's exports
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
