package dev.wasmjit.bridge;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge's sources can be read part by part: no file is longer than {@link #MAX_LINES}
 * (a longer one does more than one thing, and should be split along what it does), and the
 * handles onto an instance get what they use instead of calling back into the instance.
 */
class BridgeSourcesTest {

    static final int MAX_LINES = 300;

    /**
     * Files allowed to be longer, each with the reason. Keep it short: an entry is a debt, not
     * a rule.
     */
    private static final Map<String, String> LONGER_BY_DESIGN = Map.of(
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

    @Test
    void everyFileAllowedToBeLongerStillIs() throws IOException {
        for (String file : LONGER_BY_DESIGN.keySet()) {
            assertThat(lineCount(MAIN_SOURCES.resolve(file))).as("%s: drop its entry", file).isGreaterThan(MAX_LINES);
        }
    }

    /** The handles an instance gives out, each made with the part it uses. */
    private static final List<String> HANDLES = List.of("GuestFunction", "GuestGlobal", "GuestMemory",
            "GuestBlock", "LateLinker");

    @Test
    void noHandleRefersToTheInstanceClass() throws IOException {
        for (String handle : HANDLES) {
            Path source = MAIN_SOURCES.resolve(Path.of("dev", "wasmjit", "bridge", handle + ".java"));
            List<String> code = Files.readAllLines(source).stream()
                    .map(String::strip)
                    .filter(line -> !line.startsWith("*") && !line.startsWith("/*") && !line.startsWith("//"))
                    .toList();
            assertThat(code).as("the code of %s", handle).isNotEmpty()
                    .noneMatch(line -> line.contains("ReactorInstance"));
        }
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
            throw new UncheckedIOException(e);
        }
    }
}
