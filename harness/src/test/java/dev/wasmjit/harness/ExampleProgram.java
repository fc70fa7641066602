package dev.wasmjit.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A program of {@code examples/} and the result its {@code ; expect: N} line states.
 *
 * @param file     the .scm file
 * @param expected the expected result, as printed after {@code result: }
 */
record ExampleProgram(Path file, String expected) {

    private static final Pattern EXPECT = Pattern.compile("^;\\s*expect:\\s*(\\S+)\\s*$", Pattern.MULTILINE);

    static Path directory() {
        return Path.of(System.getProperty("wasmjit.examples", "../examples")).toAbsolutePath().normalize();
    }

    static List<ExampleProgram> all() {
        try (Stream<Path> files = Files.list(directory())) {
            List<ExampleProgram> programs = files.filter(f -> f.toString().endsWith(".scm")).sorted()
                    .map(ExampleProgram::read).toList();
            if (programs.isEmpty()) {
                throw new IllegalStateException("no examples/*.scm in " + directory());
            }
            return programs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExampleProgram named(String name) {
        return read(directory().resolve(name));
    }

    private static ExampleProgram read(Path file) {
        try {
            Matcher m = EXPECT.matcher(Files.readString(file));
            if (!m.find()) {
                throw new IllegalStateException(file + " has no '; expect: N' line");
            }
            return new ExampleProgram(file, m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file.getFileName().toString();
    }
}
