package dev.wasmjit.staticlink;

import dev.wasmjit.wasm.ValueType;
import java.util.List;

/**
 * The main module after {@link StaticLinker#instrument}: the same module, plus exported
 * functions that read what a snapshot needs but the module does not export itself. Instantiate
 * {@link #bytes()} in place of the original module, and hand this object back to
 * {@link StaticLinker#link} together with that instance.
 */
public final class InstrumentedModule {

    /** Name of the exported function {@code () -> i32} returning table 0's current size. */
    static final String TABLE_SIZE_EXPORT = "__wasmjit_table_size";

    /** Prefix of the exported getter of global N: {@code __wasmjit_global_N}. */
    static final String GLOBAL_EXPORT_PREFIX = "__wasmjit_global_";

    /**
     * An exported getter {@code () -> i32|i64} for one global. Float globals come back as their
     * raw bits ({@code reinterpret}), so every value survives the trip through a host exactly.
     */
    record GlobalProbe(int globalIndex, ValueType type, String exportName) {
    }

    private final byte[] bytes;
    private final List<GlobalProbe> probes;
    private final boolean probesTable;

    /**
     * @param bytes       the instrumented module
     * @param probes      one per defined global of numeric type: its index and the export that returns its value
     * @param probesTable whether {@link #TABLE_SIZE_EXPORT} was added (the module has a table)
     */
    InstrumentedModule(byte[] bytes, List<GlobalProbe> probes, boolean probesTable) {
        this.bytes = bytes;
        this.probes = probes;
        this.probesTable = probesTable;
    }

    /**
     * The instrumented module's binary, to be instantiated and run in place of the original. It
     * has every import and export of the original, at the same indices, and the same memory
     * layout, so any host of the original runs it unchanged; the extra exports are named
     * {@code __wasmjit_global_N} and {@code __wasmjit_table_size}.
     *
     * @return a fresh copy of the bytes on every call, so the caller may keep or change it
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    List<GlobalProbe> probes() {
        return probes;
    }

    boolean probesTable() {
        return probesTable;
    }
}
