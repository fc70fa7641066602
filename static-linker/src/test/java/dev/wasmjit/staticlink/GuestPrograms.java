package dev.wasmjit.staticlink;

import dev.wasmjit.scheme.SchemeInterpreter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one way the guest tests build interpreters and read the example corpus: the bridge's
 * bundled guest, output captured, and expression handles evaluated the way a host for the
 * seed's ABI does it (the handle printed by a link run is all it knows of a linked module).
 */
final class GuestPrograms {
    private static final Path EXAMPLES = Path.of("../examples");
    private static final Pattern EXPECT = Pattern.compile("^;\\s*expect:\\s*(.+?)\\s*$", Pattern.MULTILINE);

    /** One example program and the result its {@code ; expect:} line states. */
    record Example(String name, String source, String expected) {
    }

    private GuestPrograms() {
    }

    /** The bundled guest's bytes, as the bridge ships them. */
    static byte[] bundledGuest() {
        try (InputStream in = SchemeInterpreter.class.getResourceAsStream(SchemeInterpreter.BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new AssertionError("the bridge's jar has no " + SchemeInterpreter.BUNDLED_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every examples/*.scm, sorted by name. */
    static List<Example> examples() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".scm")).sorted().map(GuestPrograms::example).toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + EXAMPLES.toAbsolutePath(), e);
        }
    }

    /** The example named {@code NAME.scm}. */
    static Example example(String name) {
        return example(EXAMPLES.resolve(name + ".scm"));
    }

    private static Example example(Path file) {
        try {
            String source = Files.readString(file);
            Matcher expect = EXPECT.matcher(source);
            if (!expect.find()) {
                throw new AssertionError(file + " has no '; expect: N' line");
            }
            return new Example(file.getFileName().toString(), source, expect.group(1));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
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
