package dev.wasmjit.scheme;

import java.util.ArrayDeque;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
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
 * list into a Java {@link List}. Values are compared, hashed and printed without recursion,
 * so lists as long and data nested as deep as memory holds are fine.
 */
public final class SchemeValue {

    /** What a value is. */
    public enum Kind {
        /** An exact integer of any size (the guest's fixnums and bignums alike). */
        INTEGER,
        /** An exact rational that is not an integer: a numerator and a denominator above 1. */
        RATIONAL,
        /** An inexact real: a double, infinities and NaN included. */
        REAL,
        /** An inexact complex number: two doubles, its real and imaginary parts. */
        COMPLEX,
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
        /** A character: a Unicode scalar value, written {@code #\a}, {@code #\space}, {@code #\x85}. */
        CHARACTER,
        /** A bytevector: bytes 0 to 255, written {@code #u8(1 2 3)}. */
        BYTEVECTOR,
        /** What reading past the end of an input gives, printed {@code #<eof>}. */
        EOF_OBJECT,
        /** A port, known by how the guest writes it: {@code #<input port>}, {@code #<closed output port>}. */
        PORT,
        /**
         * A record of a {@code define-record-type} type: the type's name and its fields, each a
         * name and a value, printed {@code #<point x: 1 y: 2>}.
         */
        RECORD,
        /** A record type itself, known by its name, printed {@code #<record-type <point>>}. */
        RECORD_TYPE,
        /**
         * A Java object that Scheme holds as an opaque handle ({@link #hostObject(Object)}):
         * Scheme keeps it, compares it with {@code eq?} and gives it back, but cannot look
         * into it.
         */
        HOST_OBJECT
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
    /** INTEGER: the value; BOOLEAN: 1 for #t, 0 for #f; CHARACTER: the code point. */
    private final int number;
    /**
     * STRING: the characters; SYMBOL: the name; PROCEDURE: the name, or null if anonymous;
     * PORT: its written form.
     */
    private final String text;
    /** PAIR: the car and the cdr. */
    private final SchemeValue car;
    private final SchemeValue cdr;
    /**
     * VECTOR: the elements, unmodifiable; RECORD: the fields' values; BYTEVECTOR: the bytes, as
     * integers 0 to 255.
     */
    private final List<SchemeValue> elements;
    /** RECORD: the fields' names, unmodifiable, one per value. */
    private final List<String> fieldNames;
    /**
     * INTEGER: its BigInteger; RATIONAL: a {@link Ratio}; REAL: a Double; COMPLEX: a
     * {@link Rectangular}. (Doubles compare by their bits, as {@code eqv?} does: NaN equals NaN,
     * 0.0 does not equal -0.0.)
     */
    private final Object numeric;

    /** An exact rational's parts, in lowest terms, the denominator above 1. */
    private record Ratio(BigInteger numerator, BigInteger denominator) {
    }

    /** An inexact complex number's parts. */
    private record Rectangular(double real, double imaginary) {
    }

    private SchemeValue(Kind kind, int number, String text, SchemeValue car, SchemeValue cdr,
                        List<SchemeValue> elements) {
        this(kind, number, text, car, cdr, elements, null);
    }

    private SchemeValue(Kind kind, int number, String text, SchemeValue car, SchemeValue cdr,
                        List<SchemeValue> elements, Object numeric) {
        this.kind = kind;
        this.number = number;
        this.text = text;
        this.car = car;
        this.cdr = cdr;
        this.elements = elements;
        this.numeric = numeric;
        this.fieldNames = null;
    }

    private SchemeValue(String recordType, List<String> fieldNames, List<SchemeValue> values) {
        this.kind = Kind.RECORD;
        this.number = 0;
        this.text = recordType;
        this.car = null;
        this.cdr = null;
        this.elements = values;
        this.fieldNames = fieldNames;
        this.numeric = null;
    }

    // ---- factories -----------------------------------------------------------------------

    /**
     * An exact integer.
     *
     * @param value the value
     * @return the value
     */
    public static SchemeValue integer(int value) {
        return integer(BigInteger.valueOf(value));
    }

    /**
     * An exact integer.
     *
     * @param value the value
     * @return the value
     */
    public static SchemeValue integer(long value) {
        return integer(BigInteger.valueOf(value));
    }

    /**
     * An exact integer of any size.
     *
     * @param value the value
     * @return the value
     */
    public static SchemeValue integer(BigInteger value) {
        Objects.requireNonNull(value, "value");
        int small = value.bitLength() < 32 ? value.intValue() : 0;
        return new SchemeValue(Kind.INTEGER, small, null, null, null, null, value);
    }

    /**
     * An exact rational, in lowest terms: an integer when the denominator divides the numerator.
     *
     * @param numerator   the numerator
     * @param denominator the denominator, not zero (a negative one moves its sign up)
     * @return the value: a RATIONAL, or an INTEGER
     * @throws ArithmeticException if the denominator is zero
     */
    public static SchemeValue rational(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("a rational with denominator 0");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        numerator = numerator.divide(gcd);
        denominator = denominator.divide(gcd);
        if (denominator.equals(BigInteger.ONE)) {
            return integer(numerator);
        }
        return new SchemeValue(Kind.RATIONAL, 0, null, null, null, null, new Ratio(numerator, denominator));
    }

    /**
     * An inexact real.
     *
     * @param value any double, infinities and NaN included
     * @return the value
     */
    public static SchemeValue real(double value) {
        return new SchemeValue(Kind.REAL, 0, null, null, null, null, value);
    }

    /**
     * An inexact complex number. Its imaginary part may be 0.0, as the guest's may (as in
     * Guile, {@code (* +i +i)} is {@code -1.0+0.0i}).
     *
     * @param real      the real part
     * @param imaginary the imaginary part
     * @return the value
     */
    public static SchemeValue complex(double real, double imaginary) {
        return new SchemeValue(Kind.COMPLEX, 0, null, null, null, null, new Rectangular(real, imaginary));
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
     * A character.
     *
     * @param codePoint a Unicode scalar value: 0 to 0x10FFFF, not a surrogate (0xD800 to 0xDFFF)
     * @return the value
     * @throws IllegalArgumentException if the code point is not a scalar value
     */
    public static SchemeValue character(int codePoint) {
        if (!CharacterSyntax.isScalarValue(codePoint)) {
            throw new IllegalArgumentException("not a Unicode scalar value: 0x" + Integer.toHexString(codePoint));
        }
        return new SchemeValue(Kind.CHARACTER, codePoint, null, null, null, null);
    }

    /**
     * A bytevector.
     *
     * @param bytes the bytes, copied; each is read as unsigned, 0 to 255
     * @return the value
     */
    public static SchemeValue bytevector(byte[] bytes) {
        List<SchemeValue> values = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            values.add(integer(Byte.toUnsignedInt(b)));
        }
        return new SchemeValue(Kind.BYTEVECTOR, 0, null, null, null, List.copyOf(values));
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
     * A record, printed as the guest writes it: {@code #<point x: 1 y: 2>}.
     *
     * @param typeName    the type's name as the guest prints it in a record: a type named
     *                    {@code <point>} prints as {@code point}
     * @param fieldNames  the fields' names, in the type's order
     * @param fieldValues the fields' values, one per name
     * @return the value
     * @throws IllegalArgumentException if a name could not be read back, or the lists differ
     *                                  in length
     */
    public static SchemeValue record(String typeName, List<String> fieldNames, List<SchemeValue> fieldValues) {
        checkedName(typeName, "record type name");
        fieldNames.forEach(name -> checkedName(name, "field name"));
        if (fieldNames.size() != fieldValues.size()) {
            throw new IllegalArgumentException(fieldNames.size() + " field names for " + fieldValues.size() + " values");
        }
        return new SchemeValue(typeName, List.copyOf(fieldNames), List.copyOf(fieldValues));
    }

    /**
     * A record type, printed {@code #<record-type NAME>}.
     *
     * @param name the name {@code define-record-type} gave it, such as {@code <point>}
     * @return the value
     * @throws IllegalArgumentException if the name could not be read back
     */
    public static SchemeValue recordType(String name) {
        return new SchemeValue(Kind.RECORD_TYPE, 0, checkedName(name, "record type name"), null, null, null);
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

    /**
     * A Java object as an opaque handle. Passed to Scheme (as an argument of
     * {@link SchemeGlobals#call}, a value of {@link SchemeGlobals#define}, a host procedure's
     * result, or inside a list or array of those), it is a value Scheme can keep, compare with
     * {@code eq?} and give back; given back, it is this handle again, holding the same object.
     * Any object that has no Scheme value of its own is passed this way without being wrapped;
     * wrapping says so explicitly, and passes a {@code String} or a {@code List} as a handle
     * rather than as data.
     *
     * @param object the object
     * @return the handle
     */
    public static SchemeValue hostObject(Object object) {
        return new SchemeValue(Kind.HOST_OBJECT, 0, null, null, null, null, Objects.requireNonNull(object, "object"));
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
     * Whether this is an exact integer.
     *
     * @return true for exact integers of any size
     */
    public boolean isInteger() {
        return kind == Kind.INTEGER;
    }

    /**
     * Whether this is a number of any kind.
     *
     * @return true for integers, rationals, reals and complex numbers
     */
    public boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.RATIONAL || kind == Kind.REAL || kind == Kind.COMPLEX;
    }

    /**
     * Whether this is an exact number.
     *
     * @return true for integers and rationals
     */
    public boolean isExact() {
        return kind == Kind.INTEGER || kind == Kind.RATIONAL;
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
     * The integer's value as an int.
     *
     * @return the value
     * @throws ClassCastException    if this is not an integer
     * @throws IllegalStateException if it is one beyond int's range
     */
    public int asInteger() {
        require(Kind.INTEGER, "an integer");
        if (((BigInteger) numeric).bitLength() >= 32) {
            throw new IllegalStateException("the result is " + describe() + ", beyond an int");
        }
        return number;
    }

    /**
     * The integer's value as a long.
     *
     * @return the value
     * @throws IllegalStateException if this is not an integer, or one beyond long's range
     */
    public long asLong() {
        require(Kind.INTEGER, "an integer");
        if (((BigInteger) numeric).bitLength() >= 64) {
            throw new IllegalStateException("the result is " + describe() + ", beyond a long");
        }
        return ((BigInteger) numeric).longValue();
    }

    /**
     * The integer's value.
     *
     * @return the value, of any size
     * @throws IllegalStateException if this is not an exact integer
     */
    public BigInteger asBigInteger() {
        require(Kind.INTEGER, "an integer");
        return (BigInteger) numeric;
    }

    /**
     * A real number's value as a double: an inexact real's own, an exact number's nearest.
     *
     * @return the value
     * @throws IllegalStateException if this is not a real number (complex numbers are not)
     */
    public double asDouble() {
        return switch (kind) {
            case INTEGER -> ((BigInteger) numeric).doubleValue();
            case RATIONAL -> new BigDecimal(numerator()).divide(new BigDecimal(denominator()),
                    java.math.MathContext.DECIMAL64).doubleValue();
            case REAL -> (Double) numeric;
            default -> throw new IllegalStateException("the result is " + describe() + ", not a real number");
        };
    }

    /**
     * A real number's exact value as a BigDecimal: an integer, a rational whose decimal
     * expansion ends (1/4 is 0.25), or a finite inexact real (0.1 is the double's exact value,
     * 0.1000000000000000055511151231257827021181583404541015625).
     *
     * @return the value, exactly
     * @throws IllegalStateException if this is not a real number, is a rational with no finite
     *                               decimal expansion (1/3), or is an infinity or NaN
     */
    public BigDecimal asBigDecimal() {
        switch (kind) {
            case INTEGER:
                return new BigDecimal((BigInteger) numeric);
            case RATIONAL:
                try {
                    return new BigDecimal(numerator()).divide(new BigDecimal(denominator()));
                } catch (ArithmeticException e) {
                    throw new IllegalStateException("the result is " + describe() + ", which no decimal holds exactly");
                }
            case REAL:
                double d = (Double) numeric;
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalStateException("the result is " + describe() + ", which no decimal holds");
                }
                return new BigDecimal(d);
            default:
                throw new IllegalStateException("the result is " + describe() + ", not a real number");
        }
    }

    /**
     * An exact number's numerator, in lowest terms (an integer's is itself).
     *
     * @return the numerator, with the number's sign
     * @throws IllegalStateException if this is not an exact number
     */
    public BigInteger numerator() {
        if (kind == Kind.INTEGER) {
            return (BigInteger) numeric;
        }
        require(Kind.RATIONAL, "an exact rational");
        return ((Ratio) numeric).numerator();
    }

    /**
     * An exact number's denominator, in lowest terms: positive, and 1 for an integer.
     *
     * @return the denominator
     * @throws IllegalStateException if this is not an exact number
     */
    public BigInteger denominator() {
        if (kind == Kind.INTEGER) {
            return BigInteger.ONE;
        }
        require(Kind.RATIONAL, "an exact rational");
        return ((Ratio) numeric).denominator();
    }

    /**
     * A number's real part: a complex number's, or a real number's value as a double.
     *
     * @return the real part
     * @throws IllegalStateException if this is not a number
     */
    public double realPart() {
        return kind == Kind.COMPLEX ? ((Rectangular) numeric).real() : asDouble();
    }

    /**
     * A number's imaginary part: a complex number's, 0.0 for a real number.
     *
     * @return the imaginary part
     * @throws IllegalStateException if this is not a number
     */
    public double imaginaryPart() {
        if (kind == Kind.COMPLEX) {
            return ((Rectangular) numeric).imaginary();
        }
        asDouble(); // a real number, or the error
        return 0.0;
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
     * The character's code point.
     *
     * @return a Unicode scalar value (beyond the BMP, more than one Java {@code char})
     * @throws IllegalStateException if this is not a character
     */
    public int asChar() {
        require(Kind.CHARACTER, "a character");
        return number;
    }

    /**
     * The bytevector's bytes.
     *
     * @return a new array (bytes above 127 are negative as Java {@code byte}s)
     * @throws IllegalStateException if this is not a bytevector
     */
    public byte[] asBytevector() {
        require(Kind.BYTEVECTOR, "a bytevector");
        byte[] bytes = new byte[elements.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) elements.get(i).number;
        }
        return bytes;
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

    /**
     * The Java object of a handle ({@link #hostObject(Object)}).
     *
     * @return the object, the same instance that was passed to Scheme
     * @throws ClassCastException if this is not a host object
     */
    public Object asHostObject() {
        require(Kind.HOST_OBJECT, "a host object");
        return numeric;
    }

    /**
     * The Java object of a handle, as a type.
     *
     * @param type the type it is expected to have
     * @param <T>  that type
     * @return the object, the same instance that was passed to Scheme
     * @throws ClassCastException if this is not a host object, or its object is not of that type
     */
    public <T> T asHostObject(Class<T> type) {
        Object object = asHostObject();
        if (!type.isInstance(object)) {
            throw new ClassCastException("the host object is a " + object.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(object);
    }

    /**
     * A record's type name, as the guest prints it ({@code point} for a type named {@code <point>}).
     *
     * @return the name
     * @throws IllegalStateException if this is not a record
     */
    public String recordTypeName() {
        require(Kind.RECORD, "a record");
        return text;
    }

    /**
     * A record's field names, in its type's order.
     *
     * @return an unmodifiable list
     * @throws IllegalStateException if this is not a record
     */
    public List<String> recordFieldNames() {
        require(Kind.RECORD, "a record");
        return fieldNames;
    }

    /**
     * A record's field values, in its type's order.
     *
     * @return an unmodifiable list
     * @throws IllegalStateException if this is not a record
     */
    public List<SchemeValue> recordFieldValues() {
        require(Kind.RECORD, "a record");
        return elements;
    }

    /**
     * One field of a record.
     *
     * @param name the field's name
     * @return its value
     * @throws IllegalStateException    if this is not a record
     * @throws IllegalArgumentException if the record has no such field
     */
    public SchemeValue recordField(String name) {
        require(Kind.RECORD, "a record");
        int index = fieldNames.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("the record " + abbreviated() + " has no field " + name);
        }
        return elements.get(index);
    }

    /**
     * A record type's name.
     *
     * @return the name, such as {@code <point>}
     * @throws IllegalStateException if this is not a record type
     */
    public String recordTypeNameOfType() {
        require(Kind.RECORD_TYPE, "a record type");
        return text;
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
        Deque<SchemeValue> pending = new ArrayDeque<>(); // pairs of values still to compare
        pending.push(other);
        pending.push(this);
        while (!pending.isEmpty()) {
            SchemeValue a = pending.pop();
            SchemeValue b = pending.pop();
            if (a == b) {
                continue;
            }
            if (a.kind != b.kind) {
                return false;
            }
            switch (a.kind) {
                case PAIR -> {
                    pending.push(b.cdr);
                    pending.push(a.cdr);
                    pending.push(b.car);
                    pending.push(a.car);
                }
                case VECTOR, RECORD -> {
                    if (a.elements.size() != b.elements.size() || !Objects.equals(a.text, b.text)
                            || !Objects.equals(a.fieldNames, b.fieldNames)) {
                        return false;
                    }
                    for (int i = a.elements.size() - 1; i >= 0; i--) {
                        pending.push(b.elements.get(i));
                        pending.push(a.elements.get(i));
                    }
                }
                case HOST_OBJECT -> {
                    if (a.numeric != b.numeric) {  // the same object, as eq? sees it
                        return false;
                    }
                }
                default -> {
                    if (a.number != b.number || !Objects.equals(a.text, b.text) || !Objects.equals(a.numeric, b.numeric)) {
                        return false;
                    }
                }
            }
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
        Deque<SchemeValue> pending = new ArrayDeque<>();
        pending.push(this);
        while (!pending.isEmpty()) {
            SchemeValue v = pending.pop();
            hash = 31 * hash + v.kind.ordinal();
            switch (v.kind) {
                case PAIR -> {
                    pending.push(v.cdr);
                    pending.push(v.car);
                }
                case VECTOR, RECORD -> {
                    hash = 31 * hash + v.elements.size() + Objects.hash(v.text, v.fieldNames);
                    for (int i = v.elements.size() - 1; i >= 0; i--) {
                        pending.push(v.elements.get(i));
                    }
                }
                case HOST_OBJECT -> hash = 31 * hash + System.identityHashCode(v.numeric);
                default -> hash = 31 * hash + Objects.hash(v.number, v.text, v.numeric);
            }
        }
        return hash;
    }

    /**
     * The external representation, exactly as the guest's {@code write} prints it (and after
     * {@code result: }): {@code 42}, {@code 1/3}, {@code 1.5}, {@code 1.0e21}, {@code +inf.0},
     * {@code 1.0+2.0i}, {@code #t}, {@code "a\"b"}, {@code sym}, {@code ()},
     * {@code (1 2 3)}, {@code (a . 1)}, {@code #(1 2)}, {@code #<procedure sq>},
     * {@code #<procedure>}, {@code #<unspecified>}, {@code #<point x: 1 y: 2>},
     * {@code #<record-type <point>>}, {@code #\a}, {@code #u8(1 2)}; a host object, which
     * the guest writes by its index, as {@code #<host-object java.lang.Thread>}, which is not
     * read back. Strings escape
     * {@code "}, {@code \}, newline ({@code \n}), tab and return, and show other characters
     * that are not printable as {@code \x85;}; {@code (quote x)} stays unabbreviated.
     *
     * @return the text, which {@link ExternalRepresentation#read(String)} reads back
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        write(out);
        return out.toString();
    }

    /** Writes with an explicit stack of what is still to write: values, and literal text. */
    private void write(StringBuilder out) {
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(this);
        while (!pending.isEmpty()) {
            Object next = pending.pop();
            if (next instanceof String literal) {
                out.append(literal);
                continue;
            }
            SchemeValue v = (SchemeValue) next;
            switch (v.kind) {
                case PAIR -> {
                    out.append('(');
                    List<SchemeValue> items = new ArrayList<>();
                    SchemeValue rest = v;
                    for (; rest.kind == Kind.PAIR; rest = rest.cdr) {
                        items.add(rest.car);
                    }
                    pending.push(")");
                    if (rest.kind != Kind.EMPTY_LIST) {
                        pending.push(rest);
                        pending.push(" . ");
                    }
                    pushSeparated(pending, items);
                }
                case VECTOR -> {
                    out.append("#(");
                    pending.push(")");
                    pushSeparated(pending, v.elements);
                }
                default -> v.writeAtom(out);
            }
        }
    }

    /** Pushes items so that they pop in order, with a space between each two. */
    private static void pushSeparated(Deque<Object> pending, List<SchemeValue> items) {
        for (int i = items.size() - 1; i >= 0; i--) {
            pending.push(items.get(i));
            if (i > 0) {
                pending.push(" ");
            }
        }
    }

    /** Every kind but pairs and vectors. */
    private void writeAtom(StringBuilder out) {
        switch (kind) {
            case INTEGER -> out.append(numeric);
            case RATIONAL -> out.append(((Ratio) numeric).numerator()).append('/').append(((Ratio) numeric).denominator());
            case REAL -> out.append(NumberSyntax.writeReal((Double) numeric));
            case COMPLEX -> out.append(NumberSyntax.writeComplex(((Rectangular) numeric).real(),
                    ((Rectangular) numeric).imaginary()));
            case BOOLEAN -> out.append(number != 0 ? "#t" : "#f");
            case STRING -> writeString(out, text);
            case SYMBOL -> writeSymbol(out, text);
            case EMPTY_LIST -> out.append("()");
            case PROCEDURE -> out.append(text == null ? "#<procedure>" : "#<procedure " + text + ">");
            case UNSPECIFIED -> out.append("#<unspecified>");
            case CHARACTER -> CharacterSyntax.write(out, number);
            case BYTEVECTOR -> {
                out.append("#u8(");
                for (int i = 0; i < elements.size(); i++) {
                    out.append(i > 0 ? " " : "").append(elements.get(i).number);
                }
                out.append(')');
            }
            case EOF_OBJECT -> out.append("#<eof>");
            case PORT -> out.append(text);
            case RECORD -> {
                out.append("#<").append(text);
                for (int i = 0; i < elements.size(); i++) {
                    out.append(' ').append(fieldNames.get(i)).append(": ");
                    SchemeValue field = elements.get(i);
                    if (field.kind == Kind.SYMBOL && field.text.endsWith(">")) {
                        // Between bars, as the guest writes it, so that its > does not close the record.
                        writeBarred(out, field.text);
                    } else {
                        field.write(out);
                    }
                }
                out.append('>');
            }
            case RECORD_TYPE -> out.append("#<record-type ").append(text).append('>');
            case HOST_OBJECT -> out.append("#<host-object ").append(numeric.getClass().getName()).append('>');
        }
    }

    /** As the guest writes strings: unprintable characters as {@code \x85;} (CharacterSyntax). */
    private static void writeString(StringBuilder out, String characters) {
        out.append('"');
        characters.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case 0x7 -> out.append("\\a");
                case 0x8 -> out.append("\\b");
                default -> {
                    if (CharacterSyntax.isPrintable(c)) {
                        out.appendCodePoint(c);
                    } else {
                        out.append("\\x").append(Integer.toHexString(c)).append(';');
                    }
                }
            }
        });
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
            case INTEGER -> "the integer " + numeric;
            case RATIONAL -> "the rational " + this;
            case REAL -> "the real " + this;
            case COMPLEX -> "the complex number " + this;
            case BOOLEAN -> "the boolean " + this;
            case STRING -> "the string " + abbreviated();
            case SYMBOL -> "the symbol " + abbreviated();
            case EMPTY_LIST -> "the empty list";
            case PAIR -> (isList() ? "the list " : "the pair ") + abbreviated();
            case VECTOR -> "the vector " + abbreviated();
            case PROCEDURE -> text == null ? "a procedure" : "the procedure " + text;
            case UNSPECIFIED -> "the unspecified value";
            case CHARACTER -> "the character " + this;
            case BYTEVECTOR -> "the bytevector " + abbreviated();
            case EOF_OBJECT -> "the eof object";
            case PORT -> "the port " + text;
            case RECORD -> "the record " + abbreviated();
            case RECORD_TYPE -> "the record type " + text;
            case HOST_OBJECT -> "a host object (" + numeric.getClass().getName() + ")";
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
        writeBarred(out, name);
    }

    private static void writeBarred(StringBuilder out, String name) {
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
