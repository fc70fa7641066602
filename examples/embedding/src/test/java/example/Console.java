package example;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a body wrote to System.out and System.err: the proof that a library call printed nothing. */
final class Console {

    /** Something that may throw, as test bodies do. */
    interface Body {
        void run() throws Exception;
    }

    private Console() {
    }

    /** Runs the body with the console captured, and gives what reached it, stdout then stderr. */
    static String writtenBy(Body body) throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(written, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            body.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return written.toString(StandardCharsets.UTF_8);
    }
}
