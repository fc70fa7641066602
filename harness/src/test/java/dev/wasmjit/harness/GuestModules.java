package dev.wasmjit.harness;

import dev.wasmjit.scheme.SchemeInterpreter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Module files for {@code --module}: the bundled guest as a file, and the bundled guest
 * reduced to the seed's ABI by dropping the wasmjit extensions from its export section (code
 * untouched), which is what a module built from the seed's interp.cc exports.
 */
final class GuestModules {

    static final Set<String> EXTENSIONS = Set.of("lastResultKind", "lastResultInteger",
            "lastErrorMessage", "pendingJitCount", "compiledFunctionCount", "collectionCount",
            "stackPointer", "setStackPointer");

    private static final int EXPORT_SECTION = 7;

    private GuestModules() {
    }

    static Path bundled(Path directory) {
        return write(directory.resolve("interplib.wasm"), bundledBytes());
    }

    static Path seedAbiOnly(Path directory) {
        byte[] guest = bundledBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(guest, 0, 8); // magic and version
        int[] at = {8};
        while (at[0] < guest.length) {
            int id = guest[at[0]++] & 0xff;
            int size = readU32(guest, at);
            byte[] content = Arrays.copyOfRange(guest, at[0], at[0] + size);
            at[0] += size;
            if (id == EXPORT_SECTION) {
                content = withoutExtensions(content);
            }
            out.write(id);
            writeU32(out, content.length);
            out.writeBytes(content);
        }
        return write(directory.resolve("seed-abi.wasm"), out.toByteArray());
    }

    private static byte[] withoutExtensions(byte[] section) {
        int[] at = {0};
        int count = readU32(section, at);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        int keptCount = 0;
        for (int i = 0; i < count; i++) {
            int start = at[0];
            int nameLength = readU32(section, at);
            String name = new String(section, at[0], nameLength, StandardCharsets.UTF_8);
            at[0] += nameLength + 1; // the name, then the export's kind
            readU32(section, at);    // its index
            if (!EXTENSIONS.contains(name)) {
                kept.write(section, start, at[0] - start);
                keptCount++;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeU32(out, keptCount);
        out.writeBytes(kept.toByteArray());
        return out.toByteArray();
    }

    private static byte[] bundledBytes() {
        try (InputStream in = SchemeInterpreter.class.getResourceAsStream(SchemeInterpreter.BUNDLED_RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int readU32(byte[] bytes, int[] at) {
        int result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = bytes[at[0]++] & 0xff;
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
