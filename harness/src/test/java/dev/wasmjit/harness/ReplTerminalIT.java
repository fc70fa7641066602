package dev.wasmjit.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wasmjit repl} on a pseudo-terminal, as a user types at it: script(1) gives the packaged
 * jar a terminal, and the test types keys into it (Ctrl-C is the byte 3, which the terminal
 * turns into SIGINT while an evaluation runs; Ctrl-D is 4; the up arrow recalls history).
 */
class ReplTerminalIT {

    private static final String PROMPT = "wasmjit> ";

    @TempDir
    Path directory;

    @Test
    void multiLineEntryJitAnErrorCtrlCAndCtrlD() throws Exception {
        Path history = directory.resolve("history");
        try (Session repl = new Session(history)) {
            repl.awaitOutput(PROMPT);
            repl.type("(define (fib n)\r");
            repl.awaitOutput("...");
            repl.type("(if (< n 2) 1 (+ (fib (- n 1)) (fib (- n 2)))))\r");
            repl.awaitOutput(PROMPT); // a definition's value is unspecified: nothing printed
            repl.type("(fib 20)\r");
            repl.awaitOutput("$1 = 10946");
            repl.awaitOutput(PROMPT);
            repl.type(",jit\r");
            repl.awaitOutput("jit: 1 function compiled into");
            repl.awaitOutput(PROMPT);
            repl.type("(car 5)\r");
            repl.awaitOutput("error: wrong type: car expects a pair as argument 1, got the integer 5");
            repl.awaitOutput(PROMPT);
            repl.type("(let loop () (loop))\r");
            Thread.sleep(1500); // the loop is surely running
            repl.type("\u0003");
            repl.awaitOutput("error: interrupted");
            repl.awaitOutput(PROMPT);
            repl.type("(fib 21)\r");
            repl.awaitOutput("$2 = 17711");
            repl.awaitOutput(PROMPT);
            repl.type("\u0004");
            assertThat(repl.exitStatus()).as(repl.output()).isZero();
            assertThat(repl.output()).doesNotContain("#<unspecified>");
        }
        assertThat(Files.readString(history)).contains("(fib 20)", ",jit", "(let loop () (loop))");
    }

    @Test
    void historyComesBackInTheNextSession() throws Exception {
        Path history = directory.resolve("history");
        try (Session first = new Session(history)) {
            first.awaitOutput(PROMPT);
            first.type("(* 6 7)\r");
            first.awaitOutput("$1 = 42");
            first.awaitOutput(PROMPT);
            first.type(",quit\r");
            assertThat(first.exitStatus()).isZero();
        }
        try (Session second = new Session(history)) {
            second.awaitOutput(PROMPT);
            // up arrow twice (keypad mode, as JLine sets it): past ",quit" to the first session's (* 6 7)
            second.type("\u001bOA\u001bOA\r");
            second.awaitOutput("$1 = 42");
            second.awaitOutput(PROMPT);
            second.type("\u0004");
            assertThat(second.exitStatus()).isZero();
        }
    }

    @Test
    void tabCompletesNamesAndCommandsAndDescribeSaysWhatANameIs() throws Exception {
        try (Session repl = new Session(directory.resolve("history"))) {
            repl.awaitOutput(PROMPT);
            repl.type("(define (fibonacci n) (if (< n 2) n (+ (fibonacci (- n 1)) (fibonacci (- n 2)))))\r");
            repl.awaitOutput(PROMPT);
            // the session's own global: Tab writes the rest of its name
            repl.type("(fibon\t");
            repl.awaitOutput("(fibonacci ");
            repl.type("10)\r");
            repl.awaitOutput("$1 = 55");
            repl.awaitOutput(PROMPT);
            // a primitive, then a command
            repl.type("(string-len\t");
            repl.awaitOutput("string-length ");
            repl.type("\"abc\")\r");
            repl.awaitOutput("$2 = 3");
            repl.awaitOutput(PROMPT);
            repl.type(",descr\t");
            repl.awaitOutput(",describe ");
            repl.type("vector-ref\r");
            repl.awaitOutput("vector-ref: primitive procedure, 2 arguments");
            repl.awaitOutput(PROMPT);
            repl.type(",describe fibonacci\r");
            repl.awaitOutput("fibonacci: procedure, defined in this session");
            repl.awaitOutput("(fibonacci n)");
            repl.awaitOutput(PROMPT);
            repl.type("\u0004");
            assertThat(repl.exitStatus()).as(repl.output()).isZero();
        }
    }

    /** The jar's REPL on a pseudo-terminal of 100 columns, with its output collected as it comes. */
    private static final class Session implements AutoCloseable {
        private final Process process;
        private final OutputStream keys;
        private final StringBuffer output = new StringBuffer();
        private final Thread reader;
        private int seen;

        Session(Path history) throws IOException {
            List<String> jar = Wasmjit.jarCommand(
                    // manual tiering, so that ,jit finds fib still interpreted (auto would have compiled it)
                    "repl", "--tiering", "manual", "--history", history.toString());
            // Ctrl-C is SIGINT on a terminal; a parent that ignores it (nohup, a background job)
            // would hand that on and the REPL could never be interrupted: reset it, as a terminal has it.
            String command = "stty cols 100 rows 30; exec env --default-signal=INT "
                    + jar.stream().map(Session::shellQuote).collect(Collectors.joining(" "));
            try {
                ProcessBuilder builder = new ProcessBuilder("script", "-q", "-e", "-c", command, "/dev/null")
                        .redirectErrorStream(true);
                builder.environment().put("TERM", "xterm");
                process = builder.start();
            } catch (IOException e) {
                throw new AssertionError("this test needs script(1) to give the REPL a terminal (" + e.getMessage()
                        + "); on Debian and Ubuntu it is in the package bsdutils", e);
            }
            keys = process.getOutputStream();
            InputStream in = process.getInputStream();
            reader = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void type(String text) throws IOException {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }

        /** Waits for the text to appear after what earlier calls waited for. */
        void awaitOutput(String text) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                int at = output.indexOf(text, seen);
                if (at >= 0) {
                    seen = at + text.length();
                    return;
                }
                assertThat(System.nanoTime()).as("waited for \"%s\"; the terminal showed:%n%s", text, output())
                        .isLessThan(until);
                Thread.sleep(20);
            }
        }

        int exitStatus() throws InterruptedException {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output()).isTrue();
            reader.join(5000);
            return process.exitValue();
        }

        String output() {
            return output.toString().replaceAll("\u001b\\[[0-9;?]*[A-Za-z=>]|\u001b[=>]", "");
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }

        private static String shellQuote(String word) {
            return "'" + word.replace("'", "'\\''") + "'";
        }
    }
}
