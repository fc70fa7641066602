package dev.wasmjit.staticlink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program for a test; a missing program fails the test saying which. */
final class Tool {
    private static final long TIMEOUT_SECONDS = 60;

    /** Exit code and combined output of a finished program. */
    record Result(int exitCode, String output) {
    }

    private Tool() {
    }

    /** Runs {@code command}; a non-zero exit fails with the program's output. */
    static String run(List<String> command) {
        Result result = runAllowingFailure(command);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + result.exitCode() + ":\n"
                    + result.output());
        }
        return result.output();
    }

    /** Runs {@code command} and returns how it ended. */
    static Result runAllowingFailure(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " is needed by this test but cannot be started ("
                    + e.getMessage() + "); install it (wabt for wat2wasm/wasm-validate, Node.js 20 for node)", e);
        }
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
            throw new AssertionError(e);
        }
    }
}
