package dev.wasmjit.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the REPL can say about a name: the REPL's commands, the guest's special forms and
 * primitives ({@link BuiltinNames}) and the globals the session defined ({@link SessionNames}),
 * for completion, {@code ,describe} and {@code ,apropos}. A session's definition hides a
 * primitive of the same name, as it does in the guest.
 */
final class Glossary {

    /** The REPL's commands, as completion offers them. */
    static final List<String> COMMANDS = List.of(
            ",jit", ",time", ",stats", ",describe", ",apropos", ",load", ",help", ",quit");

    private final SessionNames session;

    Glossary(SessionNames session) {
        this.session = session;
    }

    /** Every Scheme name known now, sorted: special forms, primitives, the session's globals. */
    List<String> names() {
        TreeSet<String> all = new TreeSet<>(BuiltinNames.SPECIAL_FORMS);
        BuiltinNames.primitives().forEach(p -> all.add(p.name()));
        all.addAll(session.names());
        all.removeIf(name -> name.startsWith("%")); // the guest's and the REPL's own
        return new ArrayList<>(all);
    }

    /**
     * Describes a name: its kind, its arity and what it does.
     *
     * @param name  the name
     * @param value the written value of a session global, when it has one
     * @return the description, or empty when nothing has the name
     */
    Optional<String> describe(String name, Function<String, Optional<String>> value) {
        Optional<SessionNames.Definition> defined = session.definition(name);
        if (defined.isPresent()) {
            SessionNames.Definition d = defined.get();
            StringBuilder text = new StringBuilder(name).append(": ").append(d.kind()).append(", defined in this session");
            if (!d.signature().isEmpty()) {
                text.append("\n  ").append(d.signature());
            }
            if (!d.kind().equals("macro") && !d.kind().equals("procedure")) {
                value.apply(name).ifPresent(v -> text.append("\n  value: ").append(v));
            }
            return Optional.of(text.toString());
        }
        Optional<BuiltinNames.Primitive> primitive = BuiltinNames.primitive(name);
        if (primitive.isPresent()) {
            BuiltinNames.Primitive p = primitive.get();
            return Optional.of(name + ": primitive procedure, " + p.arity() + "\n  " + p.description());
        }
        if (BuiltinNames.isSpecialForm(name)) {
            return Optional.of(name + ": special form (syntax); docs/LANGUAGE.md, \"Forms\", says what it does");
        }
        return Optional.empty();
    }

    /**
     * The names that contain a text, and the primitives whose description does, one line each
     * with its kind.
     */
    List<String> apropos(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        List<String> lines = new ArrayList<>();
        for (String name : names()) {
            Optional<BuiltinNames.Primitive> primitive = BuiltinNames.primitive(name);
            boolean matches = name.toLowerCase(Locale.ROOT).contains(wanted)
                    || primitive.isPresent() && primitive.get().description().toLowerCase(Locale.ROOT).contains(wanted);
            if (matches) {
                lines.add(String.format(Locale.ROOT, "%-24s %s", name, kind(name)));
            }
        }
        return lines;
    }

    private String kind(String name) {
        Optional<SessionNames.Definition> defined = session.definition(name);
        if (defined.isPresent()) {
            return defined.get().kind() + ", defined in this session";
        }
        return BuiltinNames.primitive(name)
                .map(p -> "primitive: " + p.description())
                .orElse("special form");
    }
}
