package dev.wasmjit.scheme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Scheme value as a Java value: the result of an evaluation, or a part of one.
 *
 * <p>Every value is immutable and has one {@link Kind}. Equality and hash codes are
 * structural: two values are equal when they have the same kind and the same contents, lists
 * and vectors element by element (procedures are equal when their names are, since the guest
 * tells nothing more about them). {@link #toString()} is the value's external representation
 * exactly as the guest's {@code write} prints it, and {@link ExternalRepresentation#read}
 * reads it back: {@code read(v.toString()).equals(v)} holds for every value. The accessors
 * {@code asX()} throw {@link ClassCastException} naming what the value is instead when it
 * is not an X.
 *
 * <p>Lists are what Scheme makes them: chains of pairs ending in the empty list, so
 * {@code (1 2)} is {@code cons(1, cons(2, emptyList()))}; {@link #asList()} turns a proper
 * list into a Java {@link List}. Long lists are compared, hashed and printed without
 * recursion along their tails.
 */
public final class SchemeValue {

    /** What a value is. */
    public enum Kind {
        /** A fixnum: the guest's integers are 31-bit, -2^30 .. 2^30-1. */
        INTEGER,
        /** {@code #t} or {@code #f}. */
        BOOLEAN,
        /** A string of characters. */
        STRING,
        /** A symbol, known by its name. */
        SYMBOL,
        /** {@code ()}, which ends every proper list. */
        EMPTY_LIST,
        /** A pair of two values, its car and its cdr. */
        PAIR,
        /** A vector of values. */
        VECTOR,
        /** A procedure, named or anonymous. */
        PROCEDURE,
        /** The value of forms that return nothing in particular, printed {@code #<unspecified>}. */
        UNSPECIFIED,
        /** What reading past the end of an input gives, printed {@code #<eof>}. */
        EOF_OBJECT,
        /** A port, known by how the guest writes it: {@code #<input port>}, {@code #<closed output port>}. */
        PORT
    }

    private static final SchemeValue TRUE = new SchemeValue(Kind.BOOLEAN, 1, null, null, null, null);
    private static final SchemeValue FALSE = new SchemeValue(Kind.BOOLEAN, 0, null, null, null, null);
    private static final SchemeValue EMPTY_LIST = new SchemeValue(Kind.EMPTY_LIST, 0, null, null, null, null);
    private static final SchemeValue UNSPECIFIED = new SchemeValue(Kind.UNSPECIFIED, 0, null, null, null, null);
    private static final SchemeValue EOF_OBJECT = new SchemeValue(Kind.EOF_OBJECT, 0, null, null, null, null);
    private static final SchemeValue ANONYMOUS_PROCEDURE = new SchemeValue(Kind.PROCEDURE, 0, null, null, null, null);

    /** How much of a value an error message shows. */
    private static final int DESCRIBED_CHARS = 60;

    private final Kind kind;
    /** INTEGER: the value; BOOLEAN: 1 for #t, 0 for #f. */
    private final int number;
    /**
     * STRING: the characters; SYMBOL: the name; PROCEDURE: the name, or null if anonymous;
     * PORT: its written form.
     */
    private final String text;
    /** PAIR: the car and the cdr. */
    private final SchemeValue car;
    private final SchemeValue cdr;
    /** VECTOR: the elements, unmodifiable. */
    private final List<SchemeValue> elements;

    private SchemeValue(Kind kind, int number, String text, SchemeValue car, SchemeValue cdr,
                        List<SchemeValue> elements) {
        this.kind = kind;
        this.number = number;
        this.text = text;
        this.car = car;
        this.cdr = cdr;
        this.elements = elements;
    }

    // ---- factories -----------------------------------------------------------------------

    /**
     * An integer.
     *
     * @param value the value; the guest's fixnums are -2^30 .. 2^30-1, but any int is accepted
     * @return the value
     */
    public static SchemeValue integer(int value) {
        return new SchemeValue(Kind.INTEGER, value, null, null, null, null);
    }

    /**
     * A boolean.
     *
     * @param value the value
     * @return {@code #t} or {@code #f}
     */
    public static SchemeValue bool(boolean value) {
        return value ? TRUE : FALSE;
    }

    /**
     * A string.
     *
     * @param value the characters; any, newlines and quotes included
     * @return the value
     */
    public static SchemeValue string(String value) {
        return new SchemeValue(Kind.STRING, 0, Objects.requireNonNull(value, "value"), null, null, null);
    }

    /**
     * A symbol.
     *
     * @param name the symbol's name, any text; one that would not read back bare (with
     *             whitespace, say, as {@code string->symbol} can make) is written between bars,
     *             {@code |a b|}, as the guest writes it
     * @return the value
     */
    public static SchemeValue symbol(String name) {
        return new SchemeValue(Kind.SYMBOL, 0, Objects.requireNonNull(name, "symbol"), null, null, null);
    }

    /**
     * The empty list, {@code ()}.
     *
     * @return the value
     */
    public static SchemeValue emptyList() {
        return EMPTY_LIST;
    }

    /**
     * A pair.
     *
     * @param car its first part
     * @param cdr its second part: the rest of the list when this pair is part of one
     * @return the pair
     */
    public static SchemeValue cons(SchemeValue car, SchemeValue cdr) {
        return new SchemeValue(Kind.PAIR, 0, null, Objects.requireNonNull(car, "car"),
                Objects.requireNonNull(cdr, "cdr"), null);
    }

    /**
     * A proper list.
     *
     * @param elements its elements, in order
     * @return the chain of pairs ending in the empty list; the empty list for no elements
     */
    public static SchemeValue list(SchemeValue... elements) {
        return list(Arrays.asList(elements));
    }

    /**
     * A proper list.
     *
     * @param elements its elements, in order
     * @return the chain of pairs ending in the empty list; the empty list for no elements
     */
    public static SchemeValue list(List<SchemeValue> elements) {
        SchemeValue list = EMPTY_LIST;
        for (int i = elements.size() - 1; i >= 0; i--) {
            list = cons(elements.get(i), list);
        }
        return list;
    }

    /**
     * A vector.
     *
     * @param elements its elements, in order
     * @return the value
     */
    public static SchemeValue vector(SchemeValue... elements) {
        return vector(Arrays.asList(elements));
    }

    /**
     * A vector.
     *
     * @param elements its elements, in order; copied
     * @return the value
     */
    public static SchemeValue vector(List<SchemeValue> elements) {
        return new SchemeValue(Kind.VECTOR, 0, null, null, null, List.copyOf(elements));
    }

    /**
     * An anonymous procedure, printed {@code #<procedure>}.
     *
     * @return the value
     */
    public static SchemeValue procedure() {
        return ANONYMOUS_PROCEDURE;
    }

    /**
     * A named procedure, printed {@code #<procedure NAME>}.
     *
     * @param name the name, with the same rules as a {@link #symbol(String) symbol's}
     * @return the value
     * @throws IllegalArgumentException if the name could not be read back
     */
    public static SchemeValue procedure(String name) {
        return new SchemeValue(Kind.PROCEDURE, 0, checkedName(name, "procedure name"), null, null, null);
    }

    /**
     * The unspecified value, printed {@code #<unspecified>}.
     *
     * @return the value
     */
    public static SchemeValue unspecified() {
        return UNSPECIFIED;
    }

    /**
     * The eof object, printed {@code #<eof>}.
     *
     * @return the value
     */
    public static SchemeValue eofObject() {
        return EOF_OBJECT;
    }

    /**
     * A port, as the guest writes it.
     *
     * @param written its written form: {@code #<input port>}, {@code #<output port>},
     *                {@code #<closed input port>} or {@code #<closed output port>}
     * @return the value
     * @throws IllegalArgumentException if the form is none of those
     */
    public static SchemeValue port(String written) {
        if (!written.matches("#<(?:closed )?(?:input|output) port>")) {
            throw new IllegalArgumentException("not a port's written form: " + written);
        }
        return new SchemeValue(Kind.PORT, 0, written, null, null, null);
    }

    // ---- what it is ----------------------------------------------------------------------

    /**
     * What this value is.
     *
     * @return its kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Whether this is an integer.
     *
     * @return true for integers
     */
    public boolean isInteger() {
        return kind == Kind.INTEGER;
    }

    /**
     * Whether this is a procedure.
     *
     * @return true for procedures, named or not
     */
    public boolean isProcedure() {
        return kind == Kind.PROCEDURE;
    }

    /**
     * Whether this is the unspecified value.
     *
     * @return true for {@code #<unspecified>}
     */
    public boolean isUnspecified() {
        return kind == Kind.UNSPECIFIED;
    }

    /**
     * Whether this is a proper list: the empty list, or pairs whose last cdr is the empty list.
     *
     * @return true when {@link #asList()} succeeds
     */
    public boolean isList() {
        SchemeValue rest = this;
        while (rest.kind == Kind.PAIR) {
            rest = rest.cdr;
        }
        return rest.kind == Kind.EMPTY_LIST;
    }

    /**
     * Scheme's truth: every value but {@code #f} counts as true, {@code 0} and {@code ()} too.
     *
     * @return false only for {@code #f}
     */
    public boolean isTruthy() {
        return !(kind == Kind.BOOLEAN && number == 0);
    }

    // ---- contents ------------------------------------------------------------------------

    /**
     * The integer's value.
     *
     * @return the value
     * @throws ClassCastException if this is not an integer
     */
    public int asInteger() {
        require(Kind.INTEGER, "an integer");
        return number;
    }

    /**
     * The boolean's value. Only booleans have one; see {@link #isTruthy()} for Scheme's truth
     * of any value.
     *
     * @return true for {@code #t}, false for {@code #f}
     * @throws ClassCastException if this is not a boolean
     */
    public boolean asBoolean() {
        require(Kind.BOOLEAN, "a boolean");
        return number != 0;
    }

    /**
     * The string's characters, without quotes or escapes.
     *
     * @return the characters
     * @throws ClassCastException if this is not a string (a symbol is not one: see
     *                               {@link #asSymbol()})
     */
    public String asString() {
        require(Kind.STRING, "a string");
        return text;
    }

    /**
     * The symbol's name.
     *
     * @return the name
     * @throws ClassCastException if this is not a symbol
     */
    public String asSymbol() {
        require(Kind.SYMBOL, "a symbol");
        return text;
    }

    /**
     * The elements of a proper list.
     *
     * @return an unmodifiable list, empty for the empty list
     * @throws ClassCastException if this is not a proper list (a dotted pair, or not a
     *                               list at all)
     */
    public List<SchemeValue> asList() {
        if (!isList()) {
            throw new ClassCastException("the result is " + describe() + ", not a "
                    + (kind == Kind.PAIR ? "proper list" : "list"));
        }
        List<SchemeValue> list = new ArrayList<>();
        for (SchemeValue rest = this; rest.kind == Kind.PAIR; rest = rest.cdr) {
            list.add(rest.car);
        }
        return List.copyOf(list);
    }

    /**
     * The elements of a vector.
     *
     * @return an unmodifiable list
     * @throws ClassCastException if this is not a vector
     */
    public List<SchemeValue> asVector() {
        require(Kind.VECTOR, "a vector");
        return elements;
    }

    /**
     * A pair's first part: a list's first element.
     *
     * @return the car
     * @throws ClassCastException if this is not a pair (the empty list is not one)
     */
    public SchemeValue car() {
        require(Kind.PAIR, "a pair");
        return car;
    }

    /**
     * A pair's second part: the rest of a list.
     *
     * @return the cdr
     * @throws ClassCastException if this is not a pair (the empty list is not one)
     */
    public SchemeValue cdr() {
        require(Kind.PAIR, "a pair");
        return cdr;
    }

    /**
     * A procedure's name, as the guest prints it in {@code #<procedure NAME>}.
     *
     * @return the name, or empty for an anonymous procedure
     * @throws ClassCastException if this is not a procedure
     */
    public Optional<String> procedureName() {
        require(Kind.PROCEDURE, "a procedure");
        return Optional.ofNullable(text);
    }

    // ---- Object --------------------------------------------------------------------------

    /**
     * Structural equality: same kind and same contents, element by element.
     *
     * @param o any object
     * @return whether {@code o} is an equal {@code SchemeValue}
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SchemeValue other)) {
            return false;
        }
        SchemeValue a = this;
        SchemeValue b = other;
        while (a != b) {
            if (a.kind != b.kind) {
                return false;
            }
            if (a.kind != Kind.PAIR) {
                return a.number == b.number && Objects.equals(a.text, b.text)
                        && Objects.equals(a.elements, b.elements);
            }
            if (!a.car.equals(b.car)) {
                return false;
            }
            a = a.cdr;
            b = b.cdr;
        }
        return true;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int hash = 1;
        SchemeValue rest = this;
        for (; rest.kind == Kind.PAIR; rest = rest.cdr) {
            hash = 31 * hash + rest.car.hashCode();
        }
        return 31 * hash + Objects.hash(rest.kind, rest.number, rest.text, rest.elements);
    }

    /**
     * The external representation, exactly as the guest's {@code write} prints it (and after
     * {@code result: }): {@code 42}, {@code #t}, {@code "a\"b"}, {@code sym}, {@code ()},
     * {@code (1 2 3)}, {@code (a . 1)}, {@code #(1 2)}, {@code #<procedure sq>},
     * {@code #<procedure>}, {@code #<unspecified>}. Strings escape {@code "}, {@code \} and
     * newline ({@code \n}); {@code (quote x)} stays unabbreviated.
     *
     * @return the text, which {@link ExternalRepresentation#read(String)} reads back
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        write(out);
        return out.toString();
    }

    private void write(StringBuilder out) {
        switch (kind) {
            case INTEGER -> out.append(number);
            case BOOLEAN -> out.append(number != 0 ? "#t" : "#f");
            case STRING -> writeString(out, text);
            case SYMBOL -> writeSymbol(out, text);
            case EMPTY_LIST -> out.append("()");
            case PAIR -> {
                out.append('(');
                SchemeValue rest = this;
                while (true) {
                    rest.car.write(out);
                    rest = rest.cdr;
                    if (rest.kind != Kind.PAIR) {
                        break;
                    }
                    out.append(' ');
                }
                if (rest.kind != Kind.EMPTY_LIST) {
                    out.append(" . ");
                    rest.write(out);
                }
                out.append(')');
            }
            case VECTOR -> {
                out.append("#(");
                for (int i = 0; i < elements.size(); i++) {
                    if (i > 0) {
                        out.append(' ');
                    }
                    elements.get(i).write(out);
                }
                out.append(')');
            }
            case PROCEDURE -> out.append(text == null ? "#<procedure>" : "#<procedure " + text + ">");
            case UNSPECIFIED -> out.append("#<unspecified>");
            case EOF_OBJECT -> out.append("#<eof>");
            case PORT -> out.append(text);
            default -> throw new AssertionError(kind);
        }
    }

    private static void writeString(StringBuilder out, String characters) {
        out.append('"');
        for (int i = 0; i < characters.length(); i++) {
            char c = characters.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        out.append('"');
    }

    // ---- internals -----------------------------------------------------------------------

    private void require(Kind expected, String what) {
        if (kind != expected) {
            throw new ClassCastException("the result is " + describe() + ", not " + what);
        }
    }

    /** For error messages: "the integer 5", "the list (1 2 3)", "a procedure". */
    private String describe() {
        return switch (kind) {
            case INTEGER -> "the integer " + number;
            case BOOLEAN -> "the boolean " + this;
            case STRING -> "the string " + abbreviated();
            case SYMBOL -> "the symbol " + abbreviated();
            case EMPTY_LIST -> "the empty list";
            case PAIR -> (isList() ? "the list " : "the pair ") + abbreviated();
            case VECTOR -> "the vector " + abbreviated();
            case PROCEDURE -> text == null ? "a procedure" : "the procedure " + text;
            case UNSPECIFIED -> "the unspecified value";
            case EOF_OBJECT -> "the eof object";
            case PORT -> "the port " + text;
        };
    }

    private String abbreviated() {
        String written = toString();
        return written.length() <= DESCRIBED_CHARS ? written : written.substring(0, DESCRIBED_CHARS) + "...";
    }

    /** Bare when it reads back as itself, else between bars as the guest writes it: {@code |a b|}. */
    private static void writeSymbol(StringBuilder out, String name) {
        if (ExternalRepresentation.isSymbolName(name)) {
            out.append(name);
            return;
        }
        out.append('|');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '|', '\\' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n"); // a result stays on one line
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        out.append('|');
    }

    private static String checkedName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!ExternalRepresentation.isSymbolName(name)) {
            throw new IllegalArgumentException("not a " + what + " that reads back: \"" + name
                    + "\" (it must be a nonempty word without whitespace or ( ) \" ; ' ` , that neither starts"
                    + " with # nor is . nor reads as an integer)");
        }
        return name;
    }
}
