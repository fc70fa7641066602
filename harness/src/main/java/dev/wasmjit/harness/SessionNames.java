package dev.wasmjit.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The global names a REPL session's entries defined, read from the forms' text (the guest has
 * no list of its globals to ask): {@code (define name ...)}, {@code (define (name params) ...)},
 * {@code define-values}, {@code define-syntax}, {@code define-record-type}'s type, constructor,
 * predicate, accessors and modifiers, and the same inside a top-level {@code begin}. They feed
 * completion, {@code ,describe} and {@code ,apropos}; a definition made some other way (by
 * {@code eval}, or by a macro that expands into one) is not seen.
 */
final class SessionNames {

    /**
     * A global definition as its text shows it.
     *
     * @param name      the global's name
     * @param kind      {@code procedure}, {@code variable}, {@code macro} or {@code record type}
     *                  (a {@code variable} may well hold a procedure: the value says)
     * @param signature for {@code (define (f a b) ...)}, {@code (f a b)}; otherwise empty
     */
    record Definition(String name, String kind, String signature) {
    }

    private static final String NAME = "([^\\s()'\"]+)";
    private static final Pattern PROCEDURE = Pattern.compile("^\\(\\s*define\\s+\\(\\s*" + NAME + "([^)]*)\\)");
    private static final Pattern VARIABLE = Pattern.compile("^\\(\\s*define\\s+" + NAME);
    private static final Pattern VALUES = Pattern.compile("^\\(\\s*define-values\\s+\\(([^)]*)\\)");
    private static final Pattern MACRO = Pattern.compile("^\\(\\s*define-syntax\\s+" + NAME);
    private static final Pattern RECORD = Pattern.compile(
            "^\\(\\s*define-record-type\\s+" + NAME + "\\s+(?:\\(\\s*" + NAME + "[^)]*\\)|#f)\\s+" + NAME + "(.*)", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("\\(\\s*" + NAME + "((?:\\s+" + NAME + ")*)\\s*\\)");
    private static final Pattern BEGIN = Pattern.compile("^\\(\\s*begin\\s", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile(NAME);

    private final Map<String, Definition> definitions = new TreeMap<>();

    /** Reads the definitions in one top-level form's text. */
    void add(String form) {
        String text = form.strip();
        Matcher m;
        if ((m = PROCEDURE.matcher(text)).find()) {
            put(m.group(1), "procedure", "(" + (m.group(1) + " " + m.group(2).strip().replaceAll("\\s+", " ")).strip() + ")");
        } else if ((m = VALUES.matcher(text)).find()) {
            Matcher word = WORD.matcher(m.group(1));
            while (word.find()) {
                if (!word.group(1).equals(".")) {
                    put(word.group(1), "variable", "");
                }
            }
        } else if ((m = MACRO.matcher(text)).find()) {
            put(m.group(1), "macro", "");
        } else if ((m = RECORD.matcher(text)).find()) {
            put(m.group(1), "record type", "");
            if (m.group(2) != null) {
                put(m.group(2), "procedure", "");
            }
            put(m.group(3), "procedure", "");
            Matcher field = FIELD.matcher(m.group(4));
            while (field.find()) {
                Matcher procedure = WORD.matcher(field.group(2));
                while (procedure.find()) {
                    put(procedure.group(1), "procedure", "");
                }
            }
        } else if ((m = VARIABLE.matcher(text)).find()) {
            put(m.group(1), "variable", "");
        } else if (BEGIN.matcher(text).find() && text.endsWith(")")) {
            String body = text.substring(text.indexOf("begin") + "begin".length(), text.length() - 1);
            SchemeForms.scan(body).forms().forEach(inner -> add(inner.text()));
        }
    }

    Optional<Definition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /** The names, sorted. */
    List<String> names() {
        return new ArrayList<>(definitions.keySet());
    }

    private void put(String name, String kind, String signature) {
        definitions.put(name, new Definition(name, kind, signature));
    }
}
