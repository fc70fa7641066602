package dev.wasmjit.reliability;

import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.UnaryOperator;

/**
 * The one way the reliability tests build an interpreter: the bundled guest, its output
 * discarded but its last lines kept for the message of a failed assertion.
 */
final class TestGuest implements AutoCloseable {

    /** The deadline of evaluations that are expected to run away. */
    static final Duration SHORT_DEADLINE = Duration.ofMillis(250);

    private static final int KEPT_LINES = 20;

    final SchemeInterpreter scheme;
    private final Deque<String> lastLines = new ArrayDeque<>();
    /** Everything the guest wrote to stdout, then to stderr, since the last {@link #takeTranscript()}. */
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private TestGuest(UnaryOperator<SchemeInterpreter.Builder> configure, boolean capture) {
        SchemeInterpreter.Builder builder = SchemeInterpreter.builder()
                .stdout(capture ? stdout : OutputStream.nullOutputStream())
                .stderr(capture ? stderr : OutputStream.nullOutputStream())
                .lineListener(this::keep);
        scheme = configure.apply(builder).build();
    }

    static TestGuest start() {
        return new TestGuest(b -> b, false);
    }

    static TestGuest start(UnaryOperator<SchemeInterpreter.Builder> configure) {
        return new TestGuest(configure, false);
    }

    /** A guest whose output is kept for {@link #takeTranscript()}. */
    static TestGuest capturing() {
        return new TestGuest(b -> b, true);
    }

    /**
     * What the guest printed since the last call, stdout first, then stderr: for one
     * evaluation its output and {@code result:} line, or its output and {@code error:} line,
     * as the native build prints them into one pipe.
     */
    synchronized String takeTranscript() {
        String transcript = stdout.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8);
        stdout.reset();
        stderr.reset();
        return transcript;
    }

    int evalInteger(String source) {
        return scheme.eval(scheme.parse(source)).asInteger();
    }

    /** Parses and evaluates once, so that the program's functions wait for the next JIT round. */
    Expression parseAndRun(String source) {
        Expression expression = scheme.parse(source);
        scheme.eval(expression);
        return expression;
    }

    /**
     * Compiles what ran since the last round and links it.
     *
     * @return how many functions have compiled code afterwards
     */
    int linkJitRound() {
        scheme.jit().ifPresent(scheme::link);
        return scheme.compiledFunctionCount().orElseThrow();
    }

    /** The guest's last lines on stdout and stderr, for assertion messages. */
    synchronized String lastOutput() {
        return String.join("\n", lastLines);
    }

    private synchronized void keep(int fd, String line) {
        if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast((fd == 1 ? "out: " : "err: ") + line);
    }

    @Override
    public void close() {
        scheme.close();
    }
}
