package dev.wasmjit.bridge;

import dev.wasmjit.wasm.WasmFormatException;
import dev.wasmjit.wasm.WasmInput;
import dev.wasmjit.wasm.WasmOutput;

/**
 * Gives every table a module defines a maximum of {@link #MAX_SLOTS} before wasmtime compiles
 * it. wasmtime-java 0.19.0 has no resource limiter, and wasmtime fills a table's new slots one
 * by one in native code when it grows: a {@code table.grow} by 2^31 slots, in a patch or in a
 * guest, ran for minutes past any deadline while it took memory at 80 MB/s. With the ceiling,
 * growing past it fails at once ({@code table.grow} gives -1), as wasm lets a host decide;
 * a table whose declared minimum is already above it is refused.
 *
 * <p>Only the table section changes; a table section that does not read is left as it is, for
 * wasmtime's validation to report.
 */
final class TableCeiling {

    /** The most slots any table may have: ample for a million compiled functions. */
    static final int MAX_SLOTS = WasmEngine.MAX_TABLE_SLOTS;

    private static final int SECTION_TABLE = 4;
    private static final int HEADER = 8;

    private TableCeiling() {
    }

    /**
     * The module with its tables capped; the same array when nothing needs to change.
     *
     * @throws ModuleException if a table's minimum is above {@link #MAX_SLOTS}
     */
    static byte[] apply(byte[] module) {
        try {
            WasmInput in = new WasmInput(module, Math.min(HEADER, module.length), module.length);
            while (!in.atEnd()) {
                int sectionStart = in.position();
                int id = in.u8();
                int size = in.length("section");
                int contentStart = in.position();
                int end = contentStart + size;
                if (id == SECTION_TABLE) {
                    byte[] capped = cappedTables(new WasmInput(module, contentStart, end));
                    return new WasmOutput().bytes(module, 0, sectionStart).u8(SECTION_TABLE).sized(capped)
                            .bytes(module, end, module.length).toByteArray();
                }
                in.seek(end);
            }
        } catch (WasmFormatException e) {
            // a section that does not read: wasmtime's validation says what is wrong with it
        }
        return module;
    }

    /** The table section's content with every maximum at most the ceiling. */
    private static byte[] cappedTables(WasmInput in) {
        int count = in.count("table");
        WasmOutput out = new WasmOutput().u32(count);
        for (int i = 0; i < count; i++) {
            int elementType = in.u8();
            int flags = in.u8();
            if (flags != 0 && flags != 1) {
                throw new WasmFormatException("table " + i + " is not an MVP table type");
            }
            long minimum = Integer.toUnsignedLong(in.u32());
            long maximum = flags == 1 ? Integer.toUnsignedLong(in.u32()) : MAX_SLOTS;
            if (minimum > MAX_SLOTS) {
                throw new ModuleException("table " + i + " declares at least " + minimum
                        + " slots, more than this host's limit of " + MAX_SLOTS);
            }
            out.u8(elementType).u8(1).u32((int) minimum).u32((int) Math.min(maximum, MAX_SLOTS));
        }
        return out.bytes(in.bytes(in.remaining())).toByteArray();
    }
}
