package dev.wasmjit.staticlink;

import dev.wasmjit.junit.SchemeProgram;
import dev.wasmjit.scheme.SchemeInterpreter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The one way the guest tests build interpreters and read the example corpus (through the
 * JUnit extension's {@link SchemeProgram}): the bridge's bundled guest, output captured, and
 * expression handles evaluated the way a host for the guest ABI does it (the handle printed by
 * a link run is all it knows of a linked module). The interpreters here run modules made during
 * the test (linked snapshots), which no annotation can name, so they are not injected.
 */
final class GuestPrograms {
    private static final Path EXAMPLES = Path.of("../examples");

    private GuestPrograms() {
    }

    /** Every examples/*.scm, sorted by name. */
    static List<SchemeProgram> examples() {
        return SchemeProgram.readAll(EXAMPLES);
    }

    /** The example named {@code NAME.scm}. */
    static SchemeProgram example(String name) {
        return SchemeProgram.read(EXAMPLES.resolve(name + ".scm"));
    }

    /** A session on the bundled guest with its output captured. */
    static StaticLinkSession session(byte[] mainModule) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        return StaticLinkSession.start(mainModule, builder -> builder.stdout(sink).stderr(sink));
    }

    /** An interpreter running {@code module} (a linked module, say) with its output captured. */
    static SchemeInterpreter open(byte[] module) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        return SchemeInterpreter.builder().module(module).stdout(sink).stderr(sink).build();
    }

    /** Evaluates the expression at guest address {@code handle} and returns its result as printed. */
    static String evalHandle(SchemeInterpreter interpreter, int handle) {
        interpreter.instance().requireFunction("eval").callVoid(handle, SchemeInterpreter.DEFAULT_HEAP_BYTES);
        int text = interpreter.instance().requireFunction("lastResultText").callI32();
        if (text == 0) {
            throw new AssertionError("eval of handle " + handle + " gave no result");
        }
        return interpreter.instance().memory().readCString(text);
    }
}
