package dev.wasmjit.scheme;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads a Scheme value from its external representation: the text the guest's {@code write}
 * prints, which is what it prints after {@code result: } and what {@link SchemeValue#toString()}
 * gives.
 *
 * <p>The syntax, and nothing else:
 * <ul>
 *   <li>integers: decimal digits with an optional sign, within Java's {@code int};</li>
 *   <li>booleans: {@code #t}, {@code #f}, {@code #true}, {@code #false};</li>
 *   <li>strings: {@code "..."} with the escapes {@code \"}, {@code \\} and {@code \n};</li>
 *   <li>symbols: any other word, that is a run of characters up to whitespace or one of
 *       {@code ( ) " ;}, which does not start with {@code #} and holds none of
 *       {@code ' ` ,};</li>
 *   <li>lists: {@code ()}, {@code (1 2 3)}, dotted {@code (a . b)} and {@code (a b . c)};</li>
 *   <li>vectors: {@code #(1 2 3)};</li>
 *   <li>{@code #<procedure>}, {@code #<procedure NAME>}, {@code #<unspecified>}, {@code #<eof>}
 *       and ports: {@code #<input port>}, {@code #<closed output port>}...</li>
 * </ul>
 * Whitespace may surround the value and separate its parts. Quote abbreviations such as
 * {@code 'x} and comments are not part of what {@code write} prints and are rejected.
 *
 * <p>Reading is bounded: it takes time linear in the text, never recurses (a deeply nested
 * text cannot overflow the Java stack), and refuses lists and vectors nested more than
 * {@link #MAX_DEPTH} deep. Malformed text is an {@link IllegalArgumentException} that says
 * what is wrong and at which offset (in {@code char}s from the start), with the text around it.
 */
public final class ExternalRepresentation {

    /** How deeply lists and vectors may nest in a text that {@link #read(String)} accepts. */
    public static final int MAX_DEPTH = 10_000;

    /** How many characters of the text on each side of a problem its message shows. */
    private static final int CONTEXT_CHARS = 30;

    private final String text;
    private int position;

    private ExternalRepresentation(String text) {
        this.text = text;
    }

    /**
     * Reads one value.
     *
     * @param text exactly one value's external representation, optionally surrounded by
     *             whitespace
     * @return the value
     * @throws IllegalArgumentException if the text is not exactly one value: empty, malformed,
     *                                  unbalanced, nested deeper than {@link #MAX_DEPTH},
     *                                  an integer out of range, or followed by more text
     */
    public static SchemeValue read(String text) {
        ExternalRepresentation reader = new ExternalRepresentation(text);
        SchemeValue value = reader.readValue();
        reader.skipWhitespace();
        if (reader.position < text.length()) {
            throw reader.error("more text after the value", reader.position);
        }
        return value;
    }

    /** A list or vector whose closing parenthesis has not been read yet. */
    private static final class Open {
        final boolean vector;
        final int start;
        final List<SchemeValue> elements = new ArrayList<>();
        boolean dotted;
        SchemeValue tail;

        Open(boolean vector, int start) {
            this.vector = vector;
            this.start = start;
        }

        SchemeValue close() {
            if (vector) {
                return SchemeValue.vector(elements);
            }
            SchemeValue list = dotted ? tail : SchemeValue.emptyList();
            for (int i = elements.size() - 1; i >= 0; i--) {
                list = SchemeValue.cons(elements.get(i), list);
            }
            return list;
        }
    }

    private SchemeValue readValue() {
        Deque<Open> open = new ArrayDeque<>();
        while (true) {
            skipWhitespace();
            Open innermost = open.peek();
            if (position == text.length()) {
                throw innermost == null
                        ? error("no value", position)
                        : error("unclosed " + (innermost.vector ? "vector" : "list"), innermost.start);
            }
            char c = text.charAt(position);
            if (innermost != null && innermost.tail != null && c != ')') {
                throw error("expected ) after the value that follows the dot", position);
            }
            SchemeValue value;
            if (c == '(' || c == '#' && position + 1 < text.length() && text.charAt(position + 1) == '(') {
                if (open.size() == MAX_DEPTH) {
                    throw error("lists and vectors nested more than " + MAX_DEPTH + " deep", position);
                }
                open.push(new Open(c == '#', position));
                position += c == '#' ? 2 : 1;
                continue;
            } else if (c == ')') {
                if (innermost == null) {
                    throw error("unexpected )", position);
                }
                if (innermost.dotted && innermost.tail == null) {
                    throw error("expected a value after the dot", position);
                }
                position++;
                open.pop();
                value = innermost.close();
            } else if (c == '"') {
                value = readString();
            } else if (c == '|') {
                value = readBarSymbol();
            } else {
                int start = position;
                String token = readToken();
                if (token.equals(".")) {
                    if (innermost == null || innermost.vector) {
                        throw error(innermost == null ? "a dot outside a list" : "a dot in a vector", start);
                    }
                    if (innermost.elements.isEmpty()) {
                        throw error("a dot with no value before it", start);
                    }
                    if (innermost.dotted) {
                        throw error("a second dot in one list", start);
                    }
                    innermost.dotted = true;
                    continue;
                }
                value = atom(token, start);
            }
            Open receiver = open.peek();
            if (receiver == null) {
                return value;
            } else if (receiver.dotted) {
                receiver.tail = value;
            } else {
                receiver.elements.add(value);
            }
        }
    }

    /** An integer, boolean, symbol, or one of the {@code #<...>} forms. */
    private SchemeValue atom(String token, int start) {
        if (token.isEmpty()) {
            throw error("unexpected " + text.charAt(start), start);
        }
        if (isIntegerSyntax(token)) {
            try {
                return SchemeValue.integer(Integer.parseInt(token));
            } catch (NumberFormatException e) {
                throw error("integer out of range: " + token, start);
            }
        }
        switch (token) {
            case "#t", "#true":
                return SchemeValue.bool(true);
            case "#f", "#false":
                return SchemeValue.bool(false);
            case "#<procedure>":
                return SchemeValue.procedure();
            case "#<unspecified>":
                return SchemeValue.unspecified();
            case "#<procedure":
                return namedProcedure(start);
            case "#<eof>":
                return SchemeValue.eofObject();
            case "#<input", "#<output", "#<closed":
                return port(start);
            default:
                break;
        }
        if (token.startsWith("#")) {
            throw error("unknown # syntax: " + token, start);
        }
        if (token.startsWith("'") || token.startsWith("`") || token.startsWith(",")) {
            throw error("unexpected " + token.charAt(0) + " (write spells (quote x) out, never 'x)", start);
        }
        if (!isSymbolName(token)) {
            throw error("not a symbol: " + token, start);
        }
        return SchemeValue.symbol(token);
    }

    /** After {@code #<procedure}: one space, the name, {@code >}. */
    private SchemeValue namedProcedure(int start) {
        if (position == text.length() || text.charAt(position) != ' ') {
            throw error("unclosed #<procedure", start);
        }
        position++;
        String nameAndBracket = readToken();
        String name = nameAndBracket.isEmpty() ? "" : nameAndBracket.substring(0, nameAndBracket.length() - 1);
        if (!nameAndBracket.endsWith(">") || !isSymbolName(name)) {
            throw error("expected a procedure's name and > after #<procedure", start);
        }
        return SchemeValue.procedure(name);
    }

    /** After {@code #<input}, {@code #<output} or {@code #<closed}: the rest, to the {@code >}. */
    private SchemeValue port(int start) {
        int end = text.indexOf('>', position);
        String written = end < 0 ? "" : text.substring(start, end + 1);
        try {
            SchemeValue port = SchemeValue.port(written);
            position = end + 1;
            return port;
        } catch (IllegalArgumentException e) {
            throw error("expected a port's written form, as #<input port>", start);
        }
    }

    private SchemeValue readString() {
        int start = position;
        position++;
        StringBuilder characters = new StringBuilder();
        while (true) {
            if (position == text.length()) {
                throw error("unterminated string", start);
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return SchemeValue.string(characters.toString());
            }
            if (c != '\\') {
                characters.append(c);
                continue;
            }
            if (position == text.length()) {
                throw error("unterminated string", start);
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case '"' -> characters.append('"');
                case '\\' -> characters.append('\\');
                case 'n' -> characters.append('\n');
                case 't' -> characters.append('\t');
                case 'r' -> characters.append('\r');
                default -> throw error("unknown escape \\" + escaped + " in a string", position - 2);
            }
        }
    }

    /** {@code |any text|}: a symbol whose name would not read back bare ({@code \|} and {@code \\} inside). */
    private SchemeValue readBarSymbol() {
        int start = position;
        position++;
        StringBuilder name = new StringBuilder();
        while (true) {
            if (position == text.length()) {
                throw error("unterminated |symbol|", start);
            }
            char c = text.charAt(position++);
            if (c == '|') {
                return SchemeValue.symbol(name.toString());
            }
            if (c == '\\') {
                if (position == text.length()) {
                    throw error("unterminated |symbol|", start);
                }
                c = switch (text.charAt(position++)) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> text.charAt(position - 1);
                };
            }
            name.append(c);
        }
    }

    private String readToken() {
        int start = position;
        while (position < text.length() && !isDelimiter(text.charAt(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String what, int at) {
        int from = Math.max(0, at - CONTEXT_CHARS);
        int to = Math.min(text.length(), at + CONTEXT_CHARS);
        String context = (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "");
        return new IllegalArgumentException("malformed value: " + what + " at offset " + at + " in: " + context);
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"' || c == ';' || c == '|';
    }

    private static boolean isIntegerSyntax(String token) {
        int first = token.startsWith("+") || token.startsWith("-") ? 1 : 0;
        if (token.length() == first) {
            return false;
        }
        for (int i = first; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code write} can print this name bare and {@link #read} gives the same symbol
     * back: the rule {@link SchemeValue#symbol(String)} enforces.
     */
    static boolean isSymbolName(String name) {
        if (name.isEmpty() || name.equals(".") || name.startsWith("#") || isIntegerSyntax(name)) {
            return false;
        }
        char first = name.charAt(0);
        char second = name.length() > 1 ? name.charAt(1) : ' ';
        if (Character.isDigit(first) || (first == '+' || first == '-' || first == '.') && Character.isDigit(second)) {
            return false; // the guest's reader takes these for numbers
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x80 && !Character.isLetterOrDigit(c) && "!$%&*/:<=>?^_~+-.@".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
