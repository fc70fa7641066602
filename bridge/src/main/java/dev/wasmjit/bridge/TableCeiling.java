package dev.wasmjit.bridge;

import java.io.ByteArrayOutputStream;

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
        int[] at = {HEADER};
        while (at[0] < module.length) {
            int sectionStart = at[0];
            int id = module[at[0]++] & 0xff;
            long size = u32(module, at, module.length);
            if (size < 0 || at[0] + size > module.length) {
                return module;
            }
            int contentStart = at[0];
            int end = contentStart + (int) size;
            if (id == SECTION_TABLE) {
                byte[] capped = cappedTables(module, contentStart, end);
                if (capped == null) {
                    return module;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(module.length + 16);
                out.write(module, 0, sectionStart);
                out.write(SECTION_TABLE);
                writeU32(out, capped.length);
                out.writeBytes(capped);
                out.write(module, end, module.length - end);
                return out.toByteArray();
            }
            at[0] = end;
        }
        return module;
    }

    /** The table section's content with every maximum at most the ceiling, or null if it does not read. */
    private static byte[] cappedTables(byte[] module, int start, int end) {
        int[] at = {start};
        long count = u32(module, at, end);
        if (count < 0 || count > end - at[0]) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeU32(out, count);
        for (long i = 0; i < count; i++) {
            if (at[0] + 2 > end) {
                return null;
            }
            int elementType = module[at[0]++] & 0xff;
            int flags = module[at[0]++] & 0xff;
            if (flags != 0 && flags != 1) {
                return null; // not an MVP table type: wasmtime says what is wrong with it
            }
            long minimum = u32(module, at, end);
            long maximum = flags == 1 ? u32(module, at, end) : MAX_SLOTS;
            if (minimum < 0 || maximum < 0) {
                return null;
            }
            if (minimum > MAX_SLOTS) {
                throw new ModuleException("table " + i + " declares at least " + minimum
                        + " slots, more than this host's limit of " + MAX_SLOTS);
            }
            out.write(elementType);
            out.write(1);
            writeU32(out, minimum);
            writeU32(out, Math.min(maximum, MAX_SLOTS));
        }
        out.write(module, at[0], end - at[0]);
        return out.toByteArray();
    }

    /** An unsigned LEB128 of at most 32 bits, or -1 if it is malformed or runs past {@code end}. */
    private static long u32(byte[] bytes, int[] at, int end) {
        long result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (at[0] >= end) {
                return -1;
            }
            int b = bytes[at[0]++] & 0xff;
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result > 0xffffffffL ? -1 : result;
            }
        }
        return -1;
    }

    private static void writeU32(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value == 0 ? b : b | 0x80);
        } while (value != 0);
    }
}
