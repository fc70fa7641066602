package dev.wasmjit.scheme;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * Java values as Scheme source text, so that a call can hand them to the guest: the guest
 * takes values only as text it parses. An argument is quoted data, {@code '(1 "two" #t)}; a
 * {@link SchemeProcedure} is the name of the global it stands for. What the guest cannot read
 * yet (floats, characters, bytevectors, integers beyond its fixnums) is written as Scheme
 * writes it, and the guest's parse says why it refuses it.
 */
final class SchemeLiteral {

    private SchemeLiteral() {
    }

    /** The call {@code (NAME ARG ...)} as source text. */
    static String call(String globalName, Object... arguments) {
        StringBuilder out = new StringBuilder("(").append(globalName);
        for (int i = 0; i < arguments.length; i++) {
            out.append(' ');
            argument(out, arguments[i], i + 1);
        }
        return out.append(')').toString();
    }

    /** The definition {@code (define NAME 'DATUM)} as source text. */
    static String definition(String globalName, Object value) {
        StringBuilder out = new StringBuilder("(define ").append(globalName).append(' ');
        argument(out, value, 1);
        return out.append(')').toString();
    }

    /** A Java value as the text of a datum, unquoted (a host procedure's result). */
    static String datum(Object value, String where) {
        StringBuilder out = new StringBuilder();
        datum(out, value, where);
        return out.toString();
    }

    private static void argument(StringBuilder out, Object value, int position) {
        if (value instanceof SchemeProcedure procedure) {
            out.append(procedure.globalName());
            return;
        }
        out.append('\'');
        datum(out, value, "argument " + position);
    }

    private static void datum(StringBuilder out, Object value, String where) {
        if (value == null) {
            throw new IllegalArgumentException(where + " is null, which has no Scheme value (the empty list is List.of())");
        } else if (value instanceof SchemeValue v) {
            if (v.isProcedure() || v.isUnspecified()) {
                throw new IllegalArgumentException(where + " is " + v + ", which the guest cannot read back;"
                        + " pass a procedure as a SchemeProcedure (SchemeInterpreter.procedure(name))");
            }
            out.append(v);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            out.append(real(((Number) value).doubleValue()));
        } else if (value instanceof Boolean b) {
            out.append(b ? "#t" : "#f");
        } else if (value instanceof Character c) {
            character(out, c);
        } else if (value instanceof CharSequence text) {
            out.append(SchemeValue.string(text.toString()));
        } else if (value instanceof byte[] bytes) {
            out.append("#u8(");
            for (int i = 0; i < bytes.length; i++) {
                out.append(i > 0 ? " " : "").append(bytes[i] & 0xff);
            }
            out.append(')');
        } else if (value instanceof List<?> list) {
            out.append('(');
            for (int i = 0; i < list.size(); i++) {
                out.append(i > 0 ? " " : "");
                datum(out, list.get(i), "element " + i + " of " + where);
            }
            out.append(')');
        } else if (value.getClass().isArray()) {
            out.append("#(");
            for (int i = 0; i < Array.getLength(value); i++) {
                out.append(i > 0 ? " " : "");
                datum(out, Array.get(value, i), "element " + i + " of " + where);
            }
            out.append(')');
        } else if (value instanceof SchemeProcedure) {
            throw new IllegalArgumentException(where + " is a procedure inside data, which a quoted list cannot hold;"
                    + " pass it as an argument of its own");
        } else {
            throw new IllegalArgumentException(where + " is a " + value.getClass().getName()
                    + ", which has no Scheme value (integers, BigInteger, double, boolean, Character, String,"
                    + " List, arrays, byte[] and SchemeValue convert)");
        }
    }

    private static String real(double d) {
        if (Double.isNaN(d)) {
            return "+nan.0";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+inf.0" : "-inf.0";
        }
        return Double.toString(d).toLowerCase(Locale.ROOT); // 1.0E10 reads as 1.0e10
    }

    private static void character(StringBuilder out, char c) {
        out.append("#\\");
        switch (c) {
            case ' ' -> out.append("space");
            case '\n' -> out.append("newline");
            case '\t' -> out.append("tab");
            default -> {
                if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                    out.append('x').append(Integer.toHexString(c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
