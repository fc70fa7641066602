package dev.wasmjit.nativeconfig;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NativeLibraryTest {

    @Test
    void loadsFromThePerUserCacheOnceAndReturnsTheSamePathAgain() {
        Path first = NativeLibrary.load();
        Path second = NativeLibrary.load();

        assertThat(first).isEqualTo(second).isRegularFile();
        assertThat(first.startsWith(NativeLibrary.cacheDirectory())).isTrue();
        assertThat(first.toString()).doesNotContain(System.getProperty("java.io.tmpdir") + "/wasmtime");
        assertThat(NativeLibrary.isLoaded()).isTrue();
    }

    @Test
    void cachedLibraryIsTheWholeBundledFile() throws Exception {
        Path cached = NativeLibrary.load();
        long bundledSize;
        try (var in = io.github.kawamuray.wasmtime.NativeLibraryLoader.class
                .getResourceAsStream("/" + cached.getFileName())) {
            bundledSize = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(Files.size(cached)).isEqualTo(bundledSize).isGreaterThan(1_000_000);
    }

    @Test
    void loadingTurnsOffRustErrorBacktracesUnlessTheUserSetThem() {
        NativeLibrary.load();
        String asked = System.getenv(RustBacktraces.VARIABLE); // the environment the JVM started with
        assertThat(ProcessEnvironment.C.getenv(RustBacktraces.VARIABLE)).isEqualTo(asked != null ? asked : "0");
    }

    /** The process's environment as native code reads it now (System.getenv is a copy from start-up). */
    private interface ProcessEnvironment extends com.sun.jna.Library {
        ProcessEnvironment C = com.sun.jna.Native.load(com.sun.jna.Platform.C_LIBRARY_NAME, ProcessEnvironment.class);

        String getenv(String name);
    }
}
