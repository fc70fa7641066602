package dev.wasmjit.bridge;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines the guest wrote to stdout and stderr during the call under way, or the last one.
 * A guest error's message is read from here, because the error import itself carries none.
 */
final class CallOutput {

    private static final String ERROR_PREFIX = "error: ";

    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();

    /** Forgets the previous call's lines; a call starts with this. */
    void clear() {
        stdout.clear();
        stderr.clear();
    }

    /** Records a complete line written to fd 1 (stdout) or fd 2 (stderr). */
    void add(int fd, String line) {
        (fd == 1 ? stdout : stderr).add(line);
    }

    List<String> stdout() {
        return List.copyOf(stdout);
    }

    List<String> stderr() {
        return List.copyOf(stderr);
    }

    /**
     * The message of the last {@code error: } line on stderr; failing that the last line, since
     * a guest may word its errors otherwise.
     */
    String errorMessage() {
        for (int i = stderr.size() - 1; i >= 0; i--) {
            String line = stderr.get(i);
            if (line.startsWith(ERROR_PREFIX)) {
                return line.substring(ERROR_PREFIX.length());
            }
        }
        return stderr.isEmpty() ? "the guest raised an error without a message on stderr"
                : stderr.get(stderr.size() - 1);
    }
}
