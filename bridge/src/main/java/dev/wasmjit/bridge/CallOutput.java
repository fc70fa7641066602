package dev.wasmjit.bridge;

import dev.wasmjit.nativeconfig.GuestWasi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The lines the guest wrote to stdout and stderr during the call under way, or the last one.
 * A guest error's message is read from here, because the error import itself carries none.
 *
 * <p>Only the latest lines are kept: at most {@link #MAX_LINES} per stream and
 * {@link #MAX_CHARS} characters (the last line is always kept), so a guest printing without end
 * cannot grow the host's memory. A line is at most 64 KiB anyway: longer ones arrive in pieces.
 */
final class CallOutput {

    private static final String ERROR_PREFIX = "error: ";

    /** The most lines kept per stream. */
    static final int MAX_LINES = 1000;
    /** The most characters kept per stream, unless the last line alone is longer. */
    static final int MAX_CHARS = 1 << 20;

    private final Kept stdout = new Kept();
    private final Kept stderr = new Kept();

    /** The latest lines of one stream. */
    private static final class Kept {
        final Deque<String> lines = new ArrayDeque<>();
        long chars;

        void add(String line) {
            lines.addLast(line);
            chars += line.length();
            while (lines.size() > 1 && (lines.size() > MAX_LINES || chars > MAX_CHARS)) {
                chars -= lines.removeFirst().length();
            }
        }

        void clear() {
            lines.clear();
            chars = 0;
        }
    }

    /** Forgets the previous call's lines; a call starts with this. */
    void clear() {
        stdout.clear();
        stderr.clear();
    }

    /**
     * A listener that records each line here, then tells {@code user}. It refers to this
     * output only, never to an instance (see {@link GuestLinker}'s host functions for why).
     */
    GuestWasi.LineListener recordingThen(GuestWasi.LineListener user) {
        return (fd, line) -> {
            add(fd, line);
            user.line(fd, line);
        };
    }

    /** Records a complete line written to fd 1 (stdout) or fd 2 (stderr). */
    void add(int fd, String line) {
        (fd == 1 ? stdout : stderr).add(line);
    }

    List<String> stdout() {
        return List.copyOf(stdout.lines);
    }

    List<String> stderr() {
        return List.copyOf(stderr.lines);
    }

    /**
     * The message of the last {@code error: } line on stderr; failing that the last line, since
     * a guest may word its errors otherwise.
     */
    String errorMessage() {
        var latestFirst = stderr.lines.descendingIterator();
        while (latestFirst.hasNext()) {
            String line = latestFirst.next();
            if (line.startsWith(ERROR_PREFIX)) {
                return line.substring(ERROR_PREFIX.length());
            }
        }
        return stderr.lines.isEmpty() ? "the guest raised an error without a message on stderr"
                : stderr.lines.getLast();
    }
}
