package dev.wasmjit.scheme;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * Reads a Scheme value from its external representation: the text the guest's {@code write}
 * prints, which is what it prints after {@code result: } and what {@link SchemeValue#toString()}
 * gives.
 *
 * <p>The syntax, and nothing else:
 * <ul>
 *   <li>numbers as the guest writes them: exact integers of any size ({@code -42},
 *       {@code 123456789012345678901234567890}), exact rationals ({@code 1/3}), inexact reals
 *       ({@code 1.5}, {@code 1.0e21}, {@code -0.0}, {@code +inf.0}, {@code -inf.0},
 *       {@code +nan.0}) and inexact complex numbers ({@code 1.0+2.0i});</li>
 *   <li>booleans: {@code #t}, {@code #f}, {@code #true}, {@code #false};</li>
 *   <li>strings: {@code "..."} with the escapes {@code \"}, {@code \\}, {@code \n}, {@code \t},
 *       {@code \r}, {@code \a}, {@code \b}, {@code \|} and {@code \x3bb;};</li>
 *   <li>characters: {@code #\a}, {@code #\λ}, a name such as {@code #\space}, or
 *       {@code #\x3bb};</li>
 *   <li>bytevectors: {@code #u8(1 2 255)};</li>
 *   <li>symbols: any other word, that is a run of characters up to whitespace or one of
 *       {@code ( ) " ;}, which does not start with {@code #} and holds none of
 *       {@code ' ` ,};</li>
 *   <li>lists: {@code ()}, {@code (1 2 3)}, dotted {@code (a . b)} and {@code (a b . c)};</li>
 *   <li>vectors: {@code #(1 2 3)};</li>
 *   <li>{@code #<procedure>}, {@code #<procedure NAME>}, {@code #<unspecified>}, {@code #<eof>},
 *       {@code #<continuation>} (read as an anonymous procedure, which it is) and ports: {@code #<input port>}, {@code #<closed output port>}...;</li>
 *   <li>records, {@code #<TYPE>} or {@code #<TYPE field: value ...>}, and record types,
 *       {@code #<record-type NAME>}. Inside a record, a {@code >} that ends a field's atom and
 *       is followed by a delimiter, another {@code >} or the end closes the record; the guest
 *       writes a symbol field ending in {@code >} between bars so that it reads back (a
 *       procedure or record type whose name ends in {@code >}, as a record's field, does
 *       not).</li>
 * </ul>
 * Whitespace may surround the value and separate its parts. Quote abbreviations such as
 * {@code 'x} and comments are not part of what {@code write} prints and are rejected.
 *
 * <p>Reading takes time linear in the text and never recurses, so data nested as deeply as
 * the guest's heap holds reads back (and {@link SchemeValue} compares, hashes and prints it
 * without recursion either). Circular data, which the guest writes with datum labels
 * ({@code #0=(1 . #0#)}), has no {@link SchemeValue}: its label is refused with a message that
 * says so. Malformed text is an {@link IllegalArgumentException} that says what is wrong and at
 * which offset (in {@code char}s from the start), with the text around it.
 */
public final class ExternalRepresentation {

    /** What a datum label in the text means to a reader of immutable values. */
    static final String CIRCULAR = "circular data, which has no SchemeValue";

    /** How many characters of the text on each side of a problem its message shows. */
    private static final int CONTEXT_CHARS = 30;

    private final String text;
    /** What each record read becomes: itself, or what it stands for (a host object's handle). */
    private final UnaryOperator<SchemeValue> records;
    private int position;

    private ExternalRepresentation(String text, UnaryOperator<SchemeValue> records) {
        this.text = text;
        this.records = records;
    }

    /**
     * Reads one value.
     *
     * @param text exactly one value's external representation, optionally surrounded by
     *             whitespace
     * @return the value
     * @throws IllegalArgumentException if the text is not exactly one value: empty, malformed,
     *                                  unbalanced, circular (a datum label), an integer out
     *                                  of range, or followed by more text
     */
    public static SchemeValue read(String text) {
        return read(text, UnaryOperator.identity());
    }

    /** {@link #read(String)}, each record read replaced by what {@code records} makes of it. */
    static SchemeValue read(String text, UnaryOperator<SchemeValue> records) {
        ExternalRepresentation reader = new ExternalRepresentation(text, records);
        SchemeValue value = reader.readValue();
        reader.skipWhitespace();
        if (reader.position < text.length()) {
            throw reader.error("more text after the value", reader.position);
        }
        return value;
    }

    /** A list, vector or record whose closing parenthesis or {@code >} has not been read yet. */
    private static final class Open {
        final boolean vector;
        final int start;
        final List<SchemeValue> elements = new ArrayList<>();
        boolean dotted;
        SchemeValue tail;
        /** A record's type name; null for a list or vector. */
        final String recordType;
        final List<String> fieldNames = new ArrayList<>();

        Open(boolean vector, int start) {
            this(vector, start, null);
        }

        Open(boolean vector, int start, String recordType) {
            this.vector = vector;
            this.start = start;
            this.recordType = recordType;
        }

        boolean isRecord() {
            return recordType != null;
        }

        /** A record reads a field's name before each value. */
        boolean expectsFieldName() {
            return isRecord() && fieldNames.size() == elements.size();
        }

        SchemeValue close() {
            if (vector) {
                return SchemeValue.vector(elements);
            }
            if (isRecord()) {
                return SchemeValue.record(recordType, fieldNames, elements);
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
                        : error("unclosed " + (innermost.isRecord() ? "record" : innermost.vector ? "vector" : "list"),
                                innermost.start);
            }
            char c = text.charAt(position);
            boolean inRecord = innermost != null && innermost.isRecord();
            SchemeValue value;
            if (inRecord && innermost.expectsFieldName()) {
                int start = position;
                if (c == '>') {
                    position++;
                    open.pop();
                    value = records.apply(innermost.close());
                    if (addTo(open.peek(), value)) {
                        return value;
                    }
                    continue;
                }
                String label = readToken(true);
                if (label.length() < 2 || !label.endsWith(":")) {
                    throw error("expected a field's name and : or > in a record", start);
                }
                innermost.fieldNames.add(label.substring(0, label.length() - 1));
                continue;
            }
            if (innermost != null && innermost.tail != null && c != ')') {
                throw error("expected ) after the value that follows the dot", position);
            }
            if (c == '(' || c == '#' && position + 1 < text.length() && text.charAt(position + 1) == '(') {
                open.push(new Open(c == '#', position));
                position += c == '#' ? 2 : 1;
                continue;
            } else if (c == ')') {
                if (innermost == null || inRecord) {
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
            } else if (text.startsWith("#\\", position)) {
                value = readCharacter(inRecord);
            } else if (text.startsWith("#u8(", position)) {
                value = readBytevector();
            } else if (c == '|') {
                value = readBarSymbol();
            } else {
                int start = position;
                String token = readToken(inRecord);
                if (token.startsWith("#<") && isRecordStart(token)) {
                    boolean fieldless = token.endsWith(">");
                    String type = token.substring(2, token.length() - (fieldless ? 1 : 0));
                    if (!isSymbolName(type)) {
                        throw error("not a record type name: " + type, start);
                    }
                    if (!fieldless) {
                        open.push(new Open(false, start, type));
                        continue;
                    }
                    value = records.apply(SchemeValue.record(type, List.of(), List.of()));
                } else if (token.equals(".")) {
                    if (innermost == null || innermost.vector || inRecord) {
                        throw error(innermost == null ? "a dot outside a list"
                                : inRecord ? "a dot in a record" : "a dot in a vector", start);
                    }
                    if (innermost.elements.isEmpty()) {
                        throw error("a dot with no value before it", start);
                    }
                    if (innermost.dotted) {
                        throw error("a second dot in one list", start);
                    }
                    innermost.dotted = true;
                    continue;
                } else {
                    value = atom(token, start, inRecord);
                }
            }
            if (addTo(open.peek(), value)) {
                return value;
            }
        }
    }

    /** Adds a value read to what is open; true when nothing is, and it is the whole value. */
    private static boolean addTo(Open receiver, SchemeValue value) {
        if (receiver == null) {
            return true;
        } else if (receiver.dotted) {
            receiver.tail = value;
        } else {
            receiver.elements.add(value);
        }
        return false;
    }

    /**
     * {@code #<point} (fields follow) or {@code #<point>}: a record, not one of the other
     * {@code #<...>} forms (a new kind written {@code #<...>} is listed here).
     */
    private static boolean isRecordStart(String token) {
        // Ports are #<input port>, #<output port>, #<closed ...>: a record type named input,
        // output or closed would read as a port.
        return !List.of("#<procedure", "#<procedure>", "#<unspecified", "#<unspecified>", "#<record-type", "#<eof>",
                "#<continuation", "#<continuation>", "#<input", "#<output", "#<closed").contains(token);
    }

    /**
     * A number, boolean, symbol, or one of the {@code #<...>} forms. In a record the token
     * stops short of a {@code >} that may close the record, which is then read here when it
     * ends a {@code #<...>} form instead.
     */
    private SchemeValue atom(String token, int start, boolean inRecord) {
        if (inRecord && (token.equals("#<procedure") || token.equals("#<unspecified")
                || token.equals("#<continuation"))
                && position < text.length() && text.charAt(position) == '>') {
            position++;
            token += ">";
        }
        if (token.isEmpty()) {
            throw error("unexpected " + text.charAt(start), start);
        }
        SchemeValue number = NumberSyntax.read(token);
        if (number != null) {
            return number;
        }
        switch (token) {
            case "#t", "#true":
                return SchemeValue.bool(true);
            case "#f", "#false":
                return SchemeValue.bool(false);
            case "#<procedure>", "#<continuation>":
                return SchemeValue.procedure();
            case "#<unspecified>":
                return SchemeValue.unspecified();
            case "#<procedure":
                return namedProcedure(start, inRecord);
            case "#<eof>":
                return SchemeValue.eofObject();
            case "#<input", "#<output", "#<closed":
                return port(start);
            case "#<record-type":
                return recordType(start, inRecord);
            default:
                break;
        }
        int label = datumLabelLength(token);
        if (label > 0) {
            throw error(CIRCULAR + " (datum label " + token.substring(0, label) + ")", start);
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

    /** After {@code #<record-type}: one space, the name, {@code >}. */
    private SchemeValue recordType(int start, boolean inRecord) {
        String name = bracketedName(start, "#<record-type", inRecord);
        if (name == null) {
            throw error("expected a record type's name and > after #<record-type", start);
        }
        return SchemeValue.recordType(name);
    }

    /** After {@code #<procedure}: one space, the name, {@code >}. */
    private SchemeValue namedProcedure(int start, boolean inRecord) {
        String name = bracketedName(start, "#<procedure", inRecord);
        if (name == null) {
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

    /** After {@code #<what}: one space, a name and {@code >}; the name, or null if it is not one. */
    private String bracketedName(int start, String what, boolean inRecord) {
        if (position == text.length() || text.charAt(position) != ' ') {
            throw error("unclosed " + what, start);
        }
        position++;
        String nameAndBracket = readToken(inRecord);
        if (inRecord && position < text.length() && text.charAt(position) == '>') {
            position++;
            nameAndBracket += ">";
        }
        String name = nameAndBracket.isEmpty() ? "" : nameAndBracket.substring(0, nameAndBracket.length() - 1);
        return nameAndBracket.endsWith(">") && isSymbolName(name) ? name : null;
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
                case 'a' -> characters.append('\u0007');
                case 'b' -> characters.append('\b');
                case '|' -> characters.append('|');
                case 'x' -> characters.appendCodePoint(hexEscape(position - 2));
                default -> throw error("unknown escape \\" + escaped + " in a string", position - 2);
            }
        }
    }

    /** After {@code \x} in a string: hex digits of a scalar value and {@code ;}. */
    private int hexEscape(int start) {
        int semicolon = text.indexOf(';', position);
        OptionalInt value = semicolon < 0 ? OptionalInt.empty()
                : CharacterSyntax.hexScalarValue(text.substring(position, semicolon));
        if (value.isEmpty()) {
            throw error("expected hex digits of a Unicode scalar value and ; after \\x", start);
        }
        position = semicolon + 1;
        return value.getAsInt();
    }

    /** {@code #\} and one character whatever it is, then the rest of a name up to a delimiter. */
    private SchemeValue readCharacter(boolean inRecord) {
        int start = position;
        position += 2;
        if (position == text.length()) {
            throw error("a character's name missing after #\\", start);
        }
        position += Character.charCount(text.codePointAt(position));
        readToken(inRecord);
        String name = text.substring(start + 2, position);
        OptionalInt codePoint = CharacterSyntax.fromName(name);
        if (codePoint.isEmpty()) {
            throw error("unknown character #\\" + name, start);
        }
        return SchemeValue.character(codePoint.getAsInt());
    }

    /** {@code #u8(} integers 0 to 255 {@code )}. */
    private SchemeValue readBytevector() {
        int start = position;
        position += 4;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            skipWhitespace();
            if (position == text.length()) {
                throw error("unclosed bytevector", start);
            }
            if (text.charAt(position) == ')') {
                position++;
                return SchemeValue.bytevector(bytes.toByteArray());
            }
            int at = position;
            String token = readToken(false);
            if (!isIntegerSyntax(token) || token.length() > 4 || Integer.parseInt(token) < 0 || Integer.parseInt(token) > 255) {
                throw error("a bytevector holds integers from 0 to 255, not " + (token.isEmpty() ? text.charAt(at) : token), at);
            }
            bytes.write(Integer.parseInt(token));
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

    /**
     * The length of the datum label the token starts with ({@code #0=} or {@code #0#}: how
     * write marks the objects a cycle runs through; a label's datum may follow it in the same
     * token, as in {@code #0=#(}), or 0.
     */
    private static int datumLabelLength(String token) {
        int i = 1;
        while (i < token.length() && token.charAt(i) >= '0' && token.charAt(i) <= '9') {
            i++;
        }
        boolean label = token.startsWith("#") && i > 1 && i < token.length()
                && (token.charAt(i) == '=' || token.charAt(i) == '#');
        return label ? i + 1 : 0;
    }

    /** Up to a delimiter; in a record, also up to a {@code >} that may close it. */
    private String readToken(boolean inRecord) {
        int start = position;
        while (position < text.length() && !isDelimiter(text.charAt(position))
                && !(inRecord && closesRecord(position))) {
            position++;
        }
        return text.substring(start, position);
    }

    /** A {@code >} followed by the end, a delimiter or another {@code >}. */
    private boolean closesRecord(int at) {
        if (text.charAt(at) != '>') {
            return false;
        }
        return at + 1 == text.length() || isDelimiter(text.charAt(at + 1)) || text.charAt(at + 1) == '>';
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
        if ((first == '+' || first == '-')
                && (name.startsWith("inf.0", 1) || name.startsWith("nan.0", 1) || name.length() == 2 && second == 'i')) {
            return false; // +inf.0, -nan.0, +i and the complex numbers they start
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
