package dev.wasmjit.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Scheme program file with the outcome its comments state, as {@code examples/*.scm} write it:
 *
 * <pre>
 * ; output: 1 2 3          (optional, in order: a line the program prints before its result)
 * ; expect: (1 2 3)        (the result's write form: the rest of the line, trimmed)
 * </pre>
 *
 * or, for a program that must fail, {@code ; error: TEXT}: the guest's error message must be
 * TEXT or start with it ({@code ; error: unbound variable: x} matches
 * {@code unbound variable: x at line 3, column 5}). The first {@code expect:} or {@code error:}
 * line counts; a program with neither, or with both, is refused.
 */
public final class SchemeProgram {

    private static final Pattern EXPECT = Pattern.compile("^;[ \\t]*expect:[ \\t]*(\\S.*?)[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern ERROR = Pattern.compile("^;[ \\t]*error:[ \\t]*(\\S.*?)[ \\t]*$", Pattern.MULTILINE);
    private static final Pattern OUTPUT = Pattern.compile("^;[ \\t]*output:(?: (.*?))?[ \\t]*$", Pattern.MULTILINE);

    private final String name;
    private final URI location;
    private final String source;
    private final String expectedValue;
    private final String expectedError;
    private final int expectationLine;
    private final List<String> output;

    private SchemeProgram(String name, URI location, String source) {
        this.name = name;
        this.location = location;
        this.source = source;
        Matcher expect = EXPECT.matcher(source);
        Matcher error = ERROR.matcher(source);
        boolean hasExpect = expect.find();
        boolean hasError = error.find();
        if (hasExpect == hasError) {
            throw new IllegalArgumentException(name + (hasExpect
                    ? " has both an '; expect: VALUE' and an '; error: MESSAGE' line; a program has one outcome"
                    : " has no '; expect: VALUE' line (nor '; error: MESSAGE')"));
        }
        Matcher found = hasExpect ? expect : error;
        this.expectedValue = hasExpect ? expect.group(1) : null;
        this.expectedError = hasError ? error.group(1) : null;
        this.expectationLine = lineOf(source, found.start());
        List<String> lines = new ArrayList<>();
        Matcher o = OUTPUT.matcher(source);
        while (o.find()) {
            lines.add(o.group(1) == null ? "" : o.group(1));
        }
        this.output = List.copyOf(lines);
    }

    /**
     * A program given as text.
     *
     * @param name   its name in reports, such as {@code fib.scm}
     * @param source its text, with an {@code ; expect:} or {@code ; error:} line
     * @return the program
     * @throws IllegalArgumentException if it states no outcome, or two
     */
    public static SchemeProgram of(String name, String source) {
        return new SchemeProgram(Objects.requireNonNull(name, "name"), URI.create("program:" + name.replace(' ', '_')),
                Objects.requireNonNull(source, "source"));
    }

    /**
     * Reads a program file.
     *
     * @param file a .scm file
     * @return the program
     * @throws UncheckedIOException     if it cannot be read
     * @throws IllegalArgumentException if it states no outcome, or two
     */
    public static SchemeProgram read(Path file) {
        try {
            Path parent = file.toAbsolutePath().normalize().getParent();
            String name = (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/")
                    + file.getFileName();
            return new SchemeProgram(name, file.toUri(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the program " + file, e);
        }
    }

    /**
     * Every {@code .scm} file of a directory, sorted by file name.
     *
     * @param directory the directory
     * @return the programs
     * @throws IllegalArgumentException if there is none, or one states no outcome
     * @throws UncheckedIOException     if the directory cannot be listed
     */
    public static List<SchemeProgram> readAll(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<SchemeProgram> programs = files.filter(f -> f.getFileName().toString().endsWith(".scm"))
                    .sorted().map(SchemeProgram::read).toList();
            if (programs.isEmpty()) {
                throw new IllegalArgumentException("no *.scm files in " + directory.toAbsolutePath().normalize());
            }
            return programs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory.toAbsolutePath().normalize(), e);
        }
    }

    /**
     * The name in reports: the file's directory and name ({@code examples/fib.scm}), or the
     * name given to {@link #of}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Where the program came from: a {@code file:} URI for a file, {@code jar:} for a class-path
     * resource in a jar, {@code program:NAME} for text.
     *
     * @return the location
     */
    public URI location() {
        return location;
    }

    /**
     * The program file.
     *
     * @return its path
     * @throws IllegalStateException if the program is not a file of the default file system
     */
    public Path file() {
        if (!"file".equals(location.getScheme())) {
            throw new IllegalStateException(name + " is not a file: " + location);
        }
        return Path.of(location);
    }

    /**
     * The program's text.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * The write form of the result it must give.
     *
     * @return the {@code ; expect:} value, or empty for a program that must fail
     */
    public Optional<String> expectedValue() {
        return Optional.ofNullable(expectedValue);
    }

    /**
     * The error message (or its start) it must fail with.
     *
     * @return the {@code ; error:} text, or empty for a program that must give a result
     */
    public Optional<String> expectedError() {
        return Optional.ofNullable(expectedError);
    }

    /**
     * The line (from 1) of the {@code ; expect:} or {@code ; error:} comment.
     *
     * @return the line number
     */
    public int expectationLine() {
        return expectationLine;
    }

    /**
     * The lines the program prints itself before its result or error, from its
     * {@code ; output:} lines in order; usually none.
     *
     * @return the lines
     */
    public List<String> output() {
        return output;
    }

    /**
     * Everything the guest prints on stdout for a program that gives a result: its own output
     * lines, then {@code result: VALUE}.
     *
     * @return the lines
     * @throws IllegalStateException for a program that must fail
     */
    public List<String> expectedStdout() {
        if (expectedValue == null) {
            throw new IllegalStateException(name + " must fail (; error: " + expectedError + "): it prints no result");
        }
        List<String> lines = new ArrayList<>(output);
        lines.add("result: " + expectedValue);
        return List.copyOf(lines);
    }

    /**
     * Whether a guest error message is the one this program must fail with.
     *
     * @param message the guest's message
     * @return true when it is the {@code ; error:} text or starts with it
     */
    public boolean isExpectedError(String message) {
        return expectedError != null && message != null && message.startsWith(expectedError);
    }

    /**
     * The expectation as written: {@code ; expect: VALUE} or {@code ; error: TEXT}.
     *
     * @return the comment's text
     */
    public String expectation() {
        return expectedValue != null ? "; expect: " + expectedValue : "; error: " + expectedError;
    }

    /** The name, such as {@code examples/fib.scm}. */
    @Override
    public String toString() {
        return name;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
