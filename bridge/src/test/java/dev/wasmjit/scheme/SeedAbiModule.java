package dev.wasmjit.scheme;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The bundled guest with the wasmjit extensions' exports removed: exactly the exports a
 * module built from the seed's interp.cc has. Only the export section is rewritten; the code
 * is untouched. Shared with the other modules' tests through the bridge's test jar.
 */
public final class SeedAbiModule {

    /** The exports of the wasmjit extensions, which a seed-built module lacks. */
    public static final Set<String> EXTENSIONS = Set.of("lastResultText", "lastResultKind", "lastResultInteger",
            "lastErrorMessage", "pendingJitCount", "compiledFunctionCount", "collectionCount",
            "stackPointer", "setStackPointer");

    private static final int SECTION_EXPORT = 7;

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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(guest, 0, 8);
        int[] position = {8};
        while (position[0] < guest.length) {
            int id = guest[position[0]++] & 0xff;
            int size = readU32(guest, position);
            int start = position[0];
            byte[] content = java.util.Arrays.copyOfRange(guest, start, start + size);
            if (id == SECTION_EXPORT) {
                content = exportSectionWithout(content, names);
            }
            out.write(id);
            writeU32(out, content.length);
            out.writeBytes(content);
            position[0] = start + size;
        }
        return out.toByteArray();
    }

    private static byte[] exportSectionWithout(byte[] section, Set<String> names) {
        int[] position = {0};
        int count = readU32(section, position);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        int keptCount = 0;
        for (int i = 0; i < count; i++) {
            int start = position[0];
            int nameLength = readU32(section, position);
            String name = new String(section, position[0], nameLength, StandardCharsets.UTF_8);
            position[0] += nameLength + 1; // the name, then the kind byte
            readU32(section, position); // the index
            if (!names.contains(name)) {
                kept.write(section, start, position[0] - start);
                keptCount++;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeU32(out, keptCount);
        out.writeBytes(kept.toByteArray());
        return out.toByteArray();
    }

    private static int readU32(byte[] bytes, int[] position) {
        int result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = bytes[position[0]++] & 0xff;
            result |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    private static void writeU32(ByteArrayOutputStream out, int value) {
        do {
            int b = value & 0x7f;
            value >>>= 7;
            out.write(value == 0 ? b : b | 0x80);
        } while (value != 0);
    }
}
