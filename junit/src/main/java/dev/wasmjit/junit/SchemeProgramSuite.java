package dev.wasmjit.junit;

import dev.wasmjit.bridge.GuestException;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The programs of a {@link SchemePrograms} method and the dynamic tests that check them.
 *
 * <p>The test of a program after JIT round {@code k} makes a fresh interpreter, parses the
 * program, evaluates it, and {@code k} times compiles what ran, links it and evaluates the
 * program again; the last evaluation must print the program's {@code ; output:} lines and give
 * its {@code ; expect:} value (its whole stdout is compared), or fail with its {@code ; error:}
 * message. A failure names the file, the line of the expectation, the stage, the expected and
 * the actual outcome, and the guest's error message when there is one.
 */
public final class SchemeProgramSuite {

    private static final String CLASSPATH = "classpath:";

    private final List<SchemeProgram> programs;
    private final int jitRounds;
    private final Supplier<SchemeInterpreter.Builder> interpreters;

    private SchemeProgramSuite(List<SchemeProgram> programs, int jitRounds,
                               Supplier<SchemeInterpreter.Builder> interpreters) {
        this.programs = List.copyOf(programs);
        this.jitRounds = jitRounds;
        this.interpreters = interpreters;
    }

    /**
     * A suite over given programs, on interpreters from a builder.
     *
     * @param programs     the programs
     * @param jitRounds    after how many JIT rounds each is checked, beyond its interpreted run
     * @param interpreters makes a builder for each test's interpreter; its stdout, stderr and
     *                     line listener are replaced
     * @return the suite
     */
    public static SchemeProgramSuite of(List<SchemeProgram> programs, int jitRounds,
                                        Supplier<SchemeInterpreter.Builder> interpreters) {
        if (jitRounds < 0) {
            throw new IllegalArgumentException("jitRounds must be zero or more, was " + jitRounds);
        }
        return new SchemeProgramSuite(programs, jitRounds, Objects.requireNonNull(interpreters, "interpreters"));
    }

    static SchemeProgramSuite load(SchemePrograms annotation, GuestSettings settings) {
        return of(programsAt(annotation.value(), settings.anchor()), annotation.jitRounds(), settings::schemeBuilder);
    }

    /**
     * The programs, in file-name order.
     *
     * @return the programs
     */
    public List<SchemeProgram> programs() {
        return programs;
    }

    /**
     * One container per program, named after it, holding the test {@code interpreted} and
     * one test {@code after JIT round k} for each round.
     *
     * @return the dynamic tests, for a {@code @TestFactory} method to return
     */
    public Stream<DynamicNode> dynamicTests() {
        return programs.stream().map(program -> DynamicContainer.dynamicContainer(program.name(),
                program.location(), IntStream.rangeClosed(0, jitRounds).mapToObj(round -> DynamicTest.dynamicTest(
                        stage(round), sourceOf(program), () -> check(program, round)))));
    }

    /**
     * Checks one program after some JIT rounds, on an interpreter of its own.
     *
     * @param program   the program
     * @param jitRounds 0 for the interpreted run, else the number of rounds before the checked evaluation
     * @throws AssertionFailedError if the outcome is not the one the program states
     */
    public void check(SchemeProgram program, int jitRounds) {
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        SchemeInterpreter.Builder builder = interpreters.get()
                .stdout(OutputStream.nullOutputStream())
                .stderr(OutputStream.nullOutputStream())
                .lineListener((fd, line) -> {
            if (fd == 1) {
                stdout.add(line);
            }
        });
        String stage = stage(jitRounds);
        try (SchemeInterpreter scheme = builder.build()) {
            Expression expression;
            try {
                expression = scheme.parse(program.source());
            } catch (GuestException e) {
                compare(program, stage, EvaluationOutcome.failure(e.getMessage(), List.copyOf(stdout)));
                return;
            }
            EvaluationOutcome outcome = evaluate(scheme, expression, stdout);
            for (int round = 1; round <= jitRounds; round++) {
                try {
                    scheme.jit().ifPresent(scheme::link);
                } catch (RuntimeException e) {
                    throw new AssertionFailedError(program.name() + ", JIT round " + round + " failed: " + e.getMessage(), e);
                }
                outcome = evaluate(scheme, expression, stdout);
            }
            compare(program, stage, outcome);
        }
    }

    private static EvaluationOutcome evaluate(SchemeInterpreter scheme, Expression expression, List<String> stdout) {
        stdout.clear();
        try {
            String value = scheme.eval(expression).toString();
            return EvaluationOutcome.value(value, List.copyOf(stdout));
        } catch (GuestException e) {
            return EvaluationOutcome.failure(e.getMessage(), List.copyOf(stdout));
        }
    }

    /** What one evaluation did: its stdout lines, and its value's write form or its error message. */
    private record EvaluationOutcome(String value, String error, List<String> stdout) {
        static EvaluationOutcome value(String value, List<String> stdout) {
            return new EvaluationOutcome(value, null, stdout);
        }

        static EvaluationOutcome failure(String error, List<String> stdout) {
            return new EvaluationOutcome(null, error, stdout);
        }

        String describe() {
            return value != null ? "gave " + value : "failed: " + error;
        }

        String asText() {
            return String.join("\n", stdout) + (error != null ? (stdout.isEmpty() ? "" : "\n") + "error: " + error : "");
        }
    }

    private static void compare(SchemeProgram program, String stage, EvaluationOutcome actual) {
        String where = program.name() + " line " + program.expectationLine() + " (" + program.expectation() + "), "
                + stage + ": ";
        if (program.expectedValue().isPresent()) {
            List<String> expected = program.expectedStdout();
            if (!expected.equals(actual.stdout()) || actual.error() != null) {
                String what = actual.error() != null
                        ? "expected " + program.expectedValue().get() + " but the program failed: " + actual.error()
                        : !actual.value().equals(program.expectedValue().get())
                        ? "expected " + program.expectedValue().get() + " but the program gave " + actual.value()
                        : "the program gave " + actual.value() + " but printed " + actual.stdout().subList(0,
                        Math.max(0, actual.stdout().size() - 1)) + " where its ; output: lines say " + program.output();
                throw new AssertionFailedError(where + what, String.join("\n", expected), actual.asText());
            }
            return;
        }
        String expectedError = program.expectedError().orElseThrow();
        String expectedText = String.join("\n", program.output()) + (program.output().isEmpty() ? "" : "\n")
                + "error: " + expectedError;
        if (actual.error() == null || !program.isExpectedError(actual.error())) {
            throw new AssertionFailedError(where + "expected the error \"" + expectedError + "\" but the program "
                    + actual.describe(), expectedText, actual.asText());
        }
        if (!actual.stdout().equals(program.output())) {
            throw new AssertionFailedError(where + "the program failed as expected but printed " + actual.stdout()
                    + " where its ; output: lines say " + program.output(), expectedText, actual.asText());
        }
    }

    private static String stage(int round) {
        return round == 0 ? "interpreted" : "after JIT round " + round;
    }

    private static URI sourceOf(SchemeProgram program) {
        URI location = program.location();
        if ("file".equals(location.getScheme())) {
            return URI.create(location + "?line=" + program.expectationLine());
        }
        return location;
    }

    /** The programs at a {@link SchemePrograms} location: a directory, or {@code classpath:NAME}. */
    static List<SchemeProgram> programsAt(String location, Class<?> anchor) {
        if (!location.startsWith(CLASSPATH)) {
            return SchemeProgram.readAll(Path.of(location));
        }
        String name = location.substring(CLASSPATH.length()).replaceFirst("^/+", "");
        ClassLoader loader = anchor.getClassLoader() != null ? anchor.getClassLoader() : ClassLoader.getSystemClassLoader();
        URL url = loader.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException(location + ": no such class-path directory");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                boolean opened = false;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                try {
                    return SchemeProgram.readAll(jar.provider().getPath(uri));
                } finally {
                    if (opened) {
                        jar.close();
                    }
                }
            }
            return SchemeProgram.readAll(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(location + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
