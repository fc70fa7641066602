package dev.wasmjit.harness;

import dev.wasmjit.nativeconfig.NativeLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick start tells a new user what the first runs do beyond the repository:
 * what is downloaded, what is cached where and how to move it, what {@code mvn verify}
 * writes outside {@code target/}, and which deadline applies where. The names it gives are
 * the ones the code uses.
 */
class ReadmeFirstRunTest {

    private static String quickStart;

    @BeforeAll
    static void readTheQuickStart() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("## Quick start");
        quickStart = readme.substring(start, readme.indexOf("\n## ", start + 1));
    }

    @Test
    void saysTheFirstBuildDownloadsFromMavenCentral() {
        assertThat(quickStart).contains("downloads", "Maven Central");
    }

    @Test
    void saysWhereTheNativeLibraryIsCachedAndHowToMoveOrClearIt() {
        assertThat(quickStart).contains("18 MB", "~/.cache/wasmjit/native",
                NativeLibrary.CACHE_DIR_PROPERTY + "=DIR", "Clear it by deleting the directory");
    }

    @Test
    void saysWhatVerifyWritesOutsideTarget() {
        assertThat(quickStart).contains("outside `target/`", "guest/build/interp-native", "`node`", "`guile`");
    }

    @Test
    void saysTheCommandLineHasNoTimeoutWhileTheLibrarysIsTenSeconds() {
        assertThat(quickStart).contains("No timeout on the command line", "`--timeout`",
                "the library's default deadline is 10 s");
        assertThat(Wasmjit.run("run", "--help").stdout()).contains("(default: no limit)");
    }
}
