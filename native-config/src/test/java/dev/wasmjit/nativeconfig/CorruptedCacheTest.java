package dev.wasmjit.nativeconfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cached JNI library that was damaged after extraction (a full disk, a crash mid-copy by
 * another tool, bit rot) used to crash the next JVM with SIGBUS or SIGSEGV before any message.
 * The cache directory's name records the library's checksum; a file that does not match it is
 * extracted again before it is loaded. Each case runs a fresh JVM, since a JVM loads the
 * library once.
 */
class CorruptedCacheTest {

    @Test
    void aTruncatedCachedLibraryIsExtractedAgainAndTheNextJvmWorks(@TempDir Path work) throws Exception {
        Path cache = work.resolve("cache");
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        assertThat(TempDirectoryHygieneTest.runTinyGuest(tmp, cache, List.of())).isEqualTo("answer 42\n");
        Path library = cachedLibrary(cache);
        long size = Files.size(library);

        try (RandomAccessFile file = new RandomAccessFile(library.toFile(), "rw")) {
            file.setLength(size / 3);
        }

        assertThat(TempDirectoryHygieneTest.runTinyGuest(tmp, cache, List.of())).isEqualTo("answer 42\n");
        assertThat(Files.size(cachedLibrary(cache))).isEqualTo(size);
    }

    @Test
    void aCachedLibraryWithDamagedBytesIsExtractedAgainAndTheNextJvmWorks(@TempDir Path work) throws Exception {
        Path cache = work.resolve("cache");
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        assertThat(TempDirectoryHygieneTest.runTinyGuest(tmp, cache, List.of())).isEqualTo("answer 42\n");
        Path library = cachedLibrary(cache);
        byte[] original = Files.readAllBytes(library);

        // same size, garbage over the code the loader and the first calls run
        try (RandomAccessFile file = new RandomAccessFile(library.toFile(), "rw")) {
            byte[] garbage = new byte[original.length / 2];
            java.util.Arrays.fill(garbage, (byte) 0xcc);
            file.seek(original.length / 4);
            file.write(garbage);
        }

        assertThat(TempDirectoryHygieneTest.runTinyGuest(tmp, cache, List.of())).isEqualTo("answer 42\n");
        assertThat(Files.readAllBytes(cachedLibrary(cache))).isEqualTo(original);
    }

    private static Path cachedLibrary(Path cache) throws Exception {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains("wasmtime_jni"))
                    .findFirst().orElseThrow();
        }
    }
}
