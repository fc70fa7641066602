package dev.wasmjit.scheme;

/**
 * The result of an evaluation: a small integer or a procedure.
 *
 * @param kind    which of the two it is
 * @param integer the value, for integers; 0 for procedures
 */
public record SchemeValue(Kind kind, int integer) {

    /** What a value is. */
    public enum Kind {
        /** A small integer (31-bit range). */
        INTEGER,
        /** A closure. */
        PROCEDURE
    }

    /**
     * An integer result.
     *
     * @param value the value
     * @return the result
     */
    public static SchemeValue integer(int value) {
        return new SchemeValue(Kind.INTEGER, value);
    }

    /**
     * A procedure result.
     *
     * @return the result
     */
    public static SchemeValue procedure() {
        return new SchemeValue(Kind.PROCEDURE, 0);
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
     * The integer value.
     *
     * @return the value
     * @throws IllegalStateException if this is a procedure
     */
    public int asInteger() {
        if (!isInteger()) {
            throw new IllegalStateException("the result is a procedure, not an integer");
        }
        return integer;
    }

    /** As the guest prints it after {@code result: }: {@code 10946} or {@code #<procedure>}. */
    @Override
    public String toString() {
        return isInteger() ? Integer.toString(integer) : "#<procedure>";
    }
}
