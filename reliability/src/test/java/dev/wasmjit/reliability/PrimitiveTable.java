package dev.wasmjit.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest's primitives as {@code guest/src/primitives.def} lists them (the one table the
 * guest's name lookup, evaluator, compilers and messages read): name and argument counts;
 * and the kinds of argument a primitive's "wrong type" message says it expects, as
 * {@code guest/src/errors.cc} names them.
 */
final class PrimitiveTable {

    /** Any number of arguments. */
    static final int ANY = -1;

    record Primitive(String name, int min, int max) {
    }

    private static final Pattern ROW = Pattern.compile("^PRIMITIVE\\(\\w+, \"([^\"]+)\", (\\d+), (\\d+|kAny),", Pattern.MULTILINE);

    private static final Pattern EXPECTED_KIND = Pattern.compile("case Expected::\\w+: return \"([^\"]+)\";");

    static final List<Primitive> ALL = read(guestSource("primitives.def"));

    /** "an integer", "a pair", ...: what a primitive expects, as its wrong-type message says. */
    static final List<String> EXPECTED_KINDS = expectedKinds(guestSource("errors.cc"));

    private PrimitiveTable() {
    }

    private static String guestSource(String name) {
        Path path = Path.of(System.getProperty("reliability.guestSources", "../guest/src")).resolve(name).toAbsolutePath().normalize();
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the guest's " + path, e);
        }
    }

    private static List<String> expectedKinds(String errors) {
        List<String> kinds = new ArrayList<>();
        Matcher kind = EXPECTED_KIND.matcher(errors);
        while (kind.find()) {
            kinds.add(kind.group(1));
        }
        if (kinds.size() < 5) {
            throw new IllegalStateException("read only " + kinds + " as the kinds in errors.cc's wrong-type messages");
        }
        return List.copyOf(kinds);
    }

    private static List<Primitive> read(String text) {
        List<Primitive> primitives = new ArrayList<>();
        Matcher row = ROW.matcher(text);
        while (row.find()) {
            primitives.add(new Primitive(row.group(1), Integer.parseInt(row.group(2)),
                    row.group(3).equals("kAny") ? ANY : Integer.parseInt(row.group(3))));
        }
        if (primitives.size() < 50) {
            throw new IllegalStateException("read only " + primitives.size() + " primitives from primitives.def");
        }
        return List.copyOf(primitives);
    }

    /** A regular expression that matches exactly the name of one primitive. */
    static String namePattern() {
        StringBuilder alternatives = new StringBuilder("(?:");
        for (Primitive p : ALL) {
            if (alternatives.length() > 3) {
                alternatives.append('|');
            }
            alternatives.append(Pattern.quote(p.name()));
        }
        return alternatives.append(')').toString();
    }
}
