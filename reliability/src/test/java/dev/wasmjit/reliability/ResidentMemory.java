package dev.wasmjit.reliability;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process's resident memory, as the memory tests compare it. The C library's allocator is
 * asked first to give back the pages it keeps free ({@code malloc_trim}): wasmtime allocates
 * through it, and what it keeps after a store is freed varies from one sample to the next by
 * megabytes, which over a thousand cycles looks like a leak of kilobytes a cycle.
 */
final class ResidentMemory {

    private interface CLibrary extends Library {
        int malloc_trim(long pad);
    }

    private static final CLibrary C = Native.load(Platform.C_LIBRARY_NAME, CLibrary.class);

    private ResidentMemory() {
    }

    /** Resident memory in bytes ({@code VmRSS}), after the allocator has given back its free pages. */
    static long bytes() throws IOException {
        C.malloc_trim(0);
        Path status = Path.of("/proc/self/status");
        assertThat(status).as("resident memory is read from Linux's /proc").exists();
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) << 10;
            }
        }
        throw new IllegalStateException("no VmRSS line in " + status);
    }
}
