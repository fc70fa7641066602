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

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
