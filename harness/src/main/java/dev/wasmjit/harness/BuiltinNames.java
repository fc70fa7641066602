package dev.wasmjit.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names the bundled guest knows before any program runs: its special forms and its
 * primitives. The primitives, with their arities and one-line descriptions, come from the
 * guest's own primitive table ({@code guest/src/primitives.def}, packaged as a resource at
 * build time), the same table the language reference is printed from; the special forms are
 * the keywords of {@code guest/src/syntax.cc}, which a test keeps equal to this list.
 */
final class BuiltinNames {

    /** The guest's syntactic keywords, as {@code kKeywords} in guest/src/syntax.cc lists them. */
    static final List<String> SPECIAL_FORMS = List.of(
            "quote", "lambda", "define", "if", "set!", "let", "let*", "letrec", "letrec*", "begin",
            "cond", "case", "and", "or", "when", "unless", "do", "else", "=>", "define-syntax",
            "let-syntax", "letrec-syntax", "syntax-rules", "define-record-type", "case-lambda",
            "cond-expand", "import", "define-library", "quasiquote", "unquote", "unquote-splicing");

    /**
     * One row of the primitive table.
     *
     * @param name        the primitive's name
     * @param minimum     the fewest arguments it takes
     * @param maximum     the most, or -1 for no limit
     * @param description what it does, as the table says
     */
    record Primitive(String name, int minimum, int maximum, String description) {

        /** The arity in words: {@code 1 argument}, {@code 2 or more arguments}, {@code 1 to 3 arguments}. */
        String arity() {
            if (maximum < 0) {
                return minimum + " or more arguments";
            }
            String count = minimum == maximum ? String.valueOf(minimum) : minimum + " to " + maximum;
            return count + (maximum == 1 && minimum == 1 ? " argument" : " arguments");
        }
    }

    private static final String TABLE = "primitives.def";
    private static final Pattern ROW = Pattern.compile(
            "^PRIMITIVE\\(\\w+, \"([^\"]+)\", (\\d+), (kAny|\\d+), (?:true|false|calls), \"(.*)\"\\)$", Pattern.MULTILINE);

    private static final Map<String, Primitive> PRIMITIVES = read();

    private BuiltinNames() {
    }

    /** Every primitive, in the table's order. */
    static Iterable<Primitive> primitives() {
        return PRIMITIVES.values();
    }

    static Optional<Primitive> primitive(String name) {
        return Optional.ofNullable(PRIMITIVES.get(name));
    }

    static boolean isSpecialForm(String name) {
        return SPECIAL_FORMS.contains(name);
    }

    private static Map<String, Primitive> read() {
        try (InputStream in = BuiltinNames.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("the harness was built without the guest's " + TABLE);
            }
            Matcher row = ROW.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, Primitive> table = new LinkedHashMap<>();
            while (row.find()) {
                int maximum = row.group(3).equals("kAny") ? -1 : Integer.parseInt(row.group(3));
                table.put(row.group(1), new Primitive(row.group(1), Integer.parseInt(row.group(2)), maximum, row.group(4)));
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the guest's " + TABLE, e);
        }
    }
}
