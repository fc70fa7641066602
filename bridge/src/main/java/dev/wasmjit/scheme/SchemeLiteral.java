package dev.wasmjit.scheme;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Java values as Scheme source text, so that a call can hand them to the guest: the guest
 * takes values only as text it parses. An argument is quoted data, {@code '(1 "two" #t)}; a
 * {@link SchemeProcedure} is the name of the global it stands for. An argument that holds a
 * host object ({@link HostObjects}) is an expression instead, which makes its handles:
 * {@code (list '1 (wasmjit:host-object 0))}.
 */
final class SchemeLiteral {

    private SchemeLiteral() {
    }

    /** The call {@code (NAME ARG ...)} as source text. */
    static String call(String globalName, HostObjects handles, Object... arguments) {
        StringBuilder out = new StringBuilder("(").append(globalName);
        for (int i = 0; i < arguments.length; i++) {
            out.append(' ');
            argument(out, arguments[i], "argument " + (i + 1), handles);
        }
        return out.append(')').toString();
    }

    /** The definition {@code (define NAME 'DATUM)} as source text. */
    static String definition(String globalName, Object value, HostObjects handles) {
        StringBuilder out = new StringBuilder("(define ").append(globalName).append(' ');
        argument(out, value, "argument 1", handles);
        return out.append(')').toString();
    }

    /**
     * A Java value as the text of a datum, unquoted: a host procedure's result, which the guest
     * reads as data. Handles in it are marks, and the whole is marked to say so.
     */
    static String datum(Object value, String where, HostObjects handles) {
        StringBuilder out = new StringBuilder();
        datum(out, value, where, handles);
        return HostObjects.holdsHostObject(value) ? HostObjects.markedResult(out.toString()) : out.toString();
    }

    /** Quoted data, or an expression that makes the handles the value holds. */
    private static void argument(StringBuilder out, Object value, String where, HostObjects handles) {
        if (value instanceof SchemeProcedure procedure) {
            out.append(procedure.globalName());
        } else if (HostObjects.isHostObject(value)) {
            out.append(handles.expression(value));
        } else if (!HostObjects.holdsHostObject(value)) {
            out.append('\'');
            datum(out, value, where, handles);
        } else if (value instanceof SchemeValue v && v.kind() == SchemeValue.Kind.PAIR) {
            List<SchemeValue> items = new ArrayList<>();
            SchemeValue rest = v;
            for (; rest.kind() == SchemeValue.Kind.PAIR; rest = rest.cdr()) {
                items.add(rest.car());
            }
            out.append("(append");
            elements(out.append(" (list"), items, where, handles);
            argument(out.append(") "), rest, where, handles);
            out.append(')');
        } else if (value instanceof SchemeValue v) {  // a vector: nothing else holds values
            elements(out.append("(vector"), v.asVector(), where, handles);
            out.append(')');
        } else if (value instanceof List<?> list) {
            elements(out.append("(list"), list, where, handles);
            out.append(')');
        } else {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
            elements(out.append("(vector"), items, where, handles);
            out.append(')');
        }
    }

    private static void elements(StringBuilder out, List<?> items, String where, HostObjects handles) {
        for (int i = 0; i < items.size(); i++) {
            argument(out.append(' '), items.get(i), "element " + i + " of " + where, handles);
        }
    }

    private static void datum(StringBuilder out, Object value, String where, HostObjects handles) {
        if (value == null) {
            throw new IllegalArgumentException(where + " is null, which has no Scheme value (the empty list is List.of())");
        } else if (HostObjects.isHostObject(value)) {
            out.append(handles.mark(value));
        } else if (value instanceof SchemeValue v && HostObjects.holdsHostObject(v)) {
            SchemeValue rest = v;  // a pair or a vector
            out.append(v.kind() == SchemeValue.Kind.VECTOR ? "#(" : "(");
            List<SchemeValue> items = v.kind() == SchemeValue.Kind.VECTOR ? v.asVector() : new ArrayList<>();
            for (; rest.kind() == SchemeValue.Kind.PAIR; rest = rest.cdr()) {
                items.add(rest.car());
            }
            for (int i = 0; i < items.size(); i++) {
                datum(out.append(i > 0 ? " " : ""), items.get(i), "element " + i + " of " + where, handles);
            }
            if (rest.kind() != SchemeValue.Kind.EMPTY_LIST && rest.kind() != SchemeValue.Kind.VECTOR) {
                datum(out.append(" . "), rest, where, handles);
            }
            out.append(')');
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
                datum(out, list.get(i), "element " + i + " of " + where, handles);
            }
            out.append(')');
        } else if (value.getClass().isArray()) {
            out.append("#(");
            for (int i = 0; i < Array.getLength(value); i++) {
                out.append(i > 0 ? " " : "");
                datum(out, Array.get(value, i), "element " + i + " of " + where, handles);
            }
            out.append(')');
        } else if (value instanceof SchemeProcedure) {
            throw new IllegalArgumentException(where + " is a procedure inside data, which a quoted list cannot hold;"
                    + " pass it as an argument of its own");
        } else {
            throw new AssertionError(value.getClass() + " is neither data nor a host object");
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
