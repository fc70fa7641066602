package dev.wasmjit.staticlink;

import java.util.List;

/**
 * The main module after {@link Instrumenter}: the same module, plus exported functions that
 * read what a snapshot needs but the module does not export itself.
 *
 * @param bytes  the instrumented module, to be instantiated and run in place of the original
 * @param probes one per defined global of numeric type: its index and the export that returns its value
 * @param probesTable whether {@link #TABLE_SIZE_EXPORT} was added (the module has a table)
 */
public record InstrumentedModule(byte[] bytes, List<GlobalProbe> probes, boolean probesTable) {

    /** Name of the exported function {@code () -> i32} returning table 0's current size. */
    public static final String TABLE_SIZE_EXPORT = "__wasmjit_table_size";

    /** Prefix of the exported getter of global N: {@code __wasmjit_global_N}. */
    public static final String GLOBAL_EXPORT_PREFIX = "__wasmjit_global_";

    /**
     * An exported getter {@code () -> i32|i64} for one global. Float globals come back as their
     * raw bits ({@code reinterpret}), so every value survives the trip through a host exactly.
     */
    public record GlobalProbe(int globalIndex, ValType type, String exportName) {
    }
}
