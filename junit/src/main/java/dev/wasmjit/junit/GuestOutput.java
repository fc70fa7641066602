package dev.wasmjit.junit;

import java.util.ArrayList;
import java.util.List;

/**
 * What the guests injected into one test (or lifecycle) method call printed, line by line.
 * Injected by the {@link WasmjitExtension} like an instance; every instance injected into the
 * same call writes here, in the order the lines came (a {@link Warmup} program's output is left
 * out). The lines do not reach {@link System#out}; when the test fails they are attached to its
 * failure as a suppressed exception, so the report shows them.
 */
public final class GuestOutput {

    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();

    GuestOutput() {
    }

    /**
     * The lines written to stdout (fd 1), without newlines.
     *
     * @return a copy of the lines so far
     */
    public synchronized List<String> stdoutLines() {
        return List.copyOf(stdout);
    }

    /**
     * The lines written to stderr (fd 2), without newlines.
     *
     * @return a copy of the lines so far
     */
    public synchronized List<String> stderrLines() {
        return List.copyOf(stderr);
    }

    /**
     * Stdout as text: every line followed by a newline.
     *
     * @return the text; empty when nothing was printed
     */
    public String stdout() {
        return text(stdoutLines());
    }

    /**
     * Stderr as text: every line followed by a newline.
     *
     * @return the text; empty when nothing was printed
     */
    public String stderr() {
        return text(stderrLines());
    }

    /**
     * Forgets every line so far.
     */
    public synchronized void clear() {
        stdout.clear();
        stderr.clear();
    }

    synchronized void add(int fd, String line) {
        (fd == 2 ? stderr : stdout).add(line);
    }

    synchronized boolean isEmpty() {
        return stdout.isEmpty() && stderr.isEmpty();
    }

    private static String text(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** Both streams, for a failure report. */
    @Override
    public synchronized String toString() {
        return "guest stdout:\n" + text(stdout) + "guest stderr:\n" + text(stderr);
    }
}
