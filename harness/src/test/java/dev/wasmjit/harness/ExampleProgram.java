package dev.wasmjit.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Scheme program of {@code examples/} (or {@code bench/programs/}), the result its
 * {@code ; expect: VALUE} line states and the lines its {@code ; output: LINE} lines say it
 * prints before the result.
 *
 * @param file     the .scm file
 * @param expected the expected result, as printed after {@code result: } (the rest of the
 *                 expect line, trimmed: it may contain spaces, e.g. {@code (1 2 3)})
 * @param output   the lines the program prints itself ({@code display}, {@code write},
 *                 {@code newline}) before the result line, in order; usually none
 */
record ExampleProgram(Path file, String expected, List<String> output) {

    private static final Pattern EXPECT = Pattern.compile("^;[ \\t]*expect:[ \\t]*(\\S.*?)[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern OUTPUT = Pattern.compile("^;[ \\t]*output:(?: (.*?))?[ \\t]*$", Pattern.MULTILINE);

    static Path directory() {
        return Path.of(System.getProperty("wasmjit.examples", "../examples")).toAbsolutePath().normalize();
    }

    /** The benchmark suite of {@code bench/programs/}. */
    static Path benchDirectory() {
        return Path.of(System.getProperty("wasmjit.bench.programs", "../bench/programs")).toAbsolutePath().normalize();
    }

    static List<ExampleProgram> all() {
        return allIn(directory());
    }

    /** Every .scm file of a directory, sorted by name; fails when there is none. */
    static List<ExampleProgram> allIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<ExampleProgram> programs = files.filter(f -> f.toString().endsWith(".scm")).sorted()
                    .map(ExampleProgram::read).toList();
            if (programs.isEmpty()) {
                throw new IllegalStateException("no *.scm in " + directory);
            }
            return programs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExampleProgram named(String name) {
        return read(directory().resolve(name));
    }

    /** What the guest prints for this program: its own output lines, then {@code result: VALUE}. */
    List<String> expectedStdout() {
        List<String> lines = new ArrayList<>(output);
        lines.add("result: " + expected);
        return lines;
    }

    private static ExampleProgram read(Path file) {
        try {
            String source = Files.readString(file);
            Matcher m = EXPECT.matcher(source);
            if (!m.find()) {
                throw new IllegalStateException(file + " has no '; expect: VALUE' line");
            }
            List<String> output = new ArrayList<>();
            Matcher o = OUTPUT.matcher(source);
            while (o.find()) {
                output.add(o.group(1) == null ? "" : o.group(1));
            }
            return new ExampleProgram(file, m.group(1), List.copyOf(output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        Path parent = file.getParent();
        return (parent == null ? "" : parent.getFileName() + "/") + file.getFileName();
    }
}
