package dev.wasmjit.harness;

import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.CoreAbiModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Guest modules written to files for {@code --module}: the bundled guest, and one with only the guest ABI's core exports. */
final class GuestModules {

    static final Set<String> EXTENSIONS = CoreAbiModule.EXTENSIONS;

    private GuestModules() {
    }

    static Path bundled(Path directory) {
        return write(directory.resolve("interplib.wasm"), SchemeInterpreter.bundledBytes());
    }

    static Path coreAbiOnly(Path directory) {
        return write(directory.resolve("core-abi.wasm"), CoreAbiModule.bytes());
    }

    /** The bundled guest whose {@code export}, of type {@code () -> i32}, answers {@code value}. */
    static Path withExportReturning(Path directory, String export, int value) {
        return write(directory.resolve(export + "-" + value + ".wasm"),
                CoreAbiModule.withExportReturning(SchemeInterpreter.bundledBytes(), export, value));
    }

    /** The bundled guest whose {@code export}, of type {@code (i32) -> ()}, never returns. */
    static Path withExportLoopingForever(Path directory, String export) {
        return write(directory.resolve(export + "-loops.wasm"),
                CoreAbiModule.withExportLoopingForever(SchemeInterpreter.bundledBytes(), export));
    }

    /** The bundled guest with a start function that never returns. */
    static Path withStartLoopingForever(Path directory) {
        return write(directory.resolve("start-loops.wasm"), CoreAbiModule.withStartLoopingForever(SchemeInterpreter.bundledBytes()));
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
