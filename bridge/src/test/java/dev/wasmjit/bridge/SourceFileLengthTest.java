package dev.wasmjit.bridge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every source file of the bridge can be read alone: none is longer than {@link #MAX_LINES}.
 * A file that is longer does more than one thing, and should be split along what it does.
 */
class SourceFileLengthTest {

    static final int MAX_LINES = 300;

    /**
     * Files allowed to be longer, each with the reason. Keep it short: an entry is a debt, not
     * a rule.
     */
    private static final Map<String, String> LONGER_BY_DESIGN = Map.of(
            "dev/wasmjit/bridge/ModuleShape.java",
            "the wasm binary-format reader, whose cursor and decoding belong to a format layer of their own",
            "dev/wasmjit/scheme/SchemeValue.java",
            "one idea, the value model: a kind per Language v2 value with its accessors",
            "dev/wasmjit/scheme/ExternalRepresentation.java",
            "one idea: the reader of the guest's written form");

    /** The module's main sources; tests run in the module's directory. */
    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    @Test
    void noMainSourceFileIsLongerThanThreeHundredLines() throws IOException {
        assertThat(MAIN_SOURCES).as("the bridge's main sources, from %s", Path.of("").toAbsolutePath()).isDirectory();
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            tooLong = files.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> new Length(MAIN_SOURCES.relativize(file).toString().replace('\\', '/'), lineCount(file)))
                    .filter(length -> length.lines() > MAX_LINES && !LONGER_BY_DESIGN.containsKey(length.file()))
                    .sorted()
                    .map(Length::toString)
                    .toList();
        }
        assertThat(tooLong).as("files longer than %d lines", MAX_LINES).isEmpty();
    }

    private record Length(String file, long lines) implements Comparable<Length> {
        @Override
        public int compareTo(Length other) {
            return file.compareTo(other.file);
        }

        @Override
        public String toString() {
            return file + " (" + lines + " lines)";
        }
    }

    private static long lineCount(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
