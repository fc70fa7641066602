package dev.wasmjit.junit;

import dev.wasmjit.scheme.SchemeValue;
import org.assertj.core.api.AbstractAssert;

import java.util.ArrayList;
import java.util.List;

/**
 * Assertions on a {@link SchemeValue}; failures show values in their write form, as the guest
 * prints them. Get one from {@link WasmjitAssertions#assertThat(SchemeValue)}.
 */
public final class SchemeValueAssert extends AbstractAssert<SchemeValueAssert, SchemeValue> {

    SchemeValueAssert(SchemeValue actual) {
        super(actual, SchemeValueAssert.class);
    }

    /**
     * The value is this integer.
     *
     * @param expected the integer
     * @return this
     */
    public SchemeValueAssert isInteger(int expected) {
        return isValue(SchemeValue.integer(expected));
    }

    /**
     * The value is {@code #t} or {@code #f} as given.
     *
     * @param expected the boolean
     * @return this
     */
    public SchemeValueAssert isBoolean(boolean expected) {
        return isValue(SchemeValue.bool(expected));
    }

    /**
     * The value is a string with these characters.
     *
     * @param expected the characters
     * @return this
     */
    public SchemeValueAssert isString(String expected) {
        return isValue(SchemeValue.string(expected));
    }

    /**
     * The value is the symbol of this name.
     *
     * @param name the symbol's name
     * @return this
     */
    public SchemeValueAssert isSymbol(String name) {
        return isValue(SchemeValue.symbol(name));
    }

    /**
     * The value is a proper list of these elements. Each element is a {@link SchemeValue}, or a
     * Java value standing for one: an {@link Integer} for an integer, a {@link Boolean} for a
     * boolean, a {@link String} for a string (a symbol is {@code SchemeValue.symbol("a")}), a
     * {@link List} for a nested list.
     *
     * @param elements the elements; none for the empty list
     * @return this
     */
    public SchemeValueAssert isList(Object... elements) {
        return isValue(SchemeValue.list(values(List.of(elements))));
    }

    /**
     * The value is a vector of these elements, given as for {@link #isList}.
     *
     * @param elements the elements
     * @return this
     */
    public SchemeValueAssert isVector(Object... elements) {
        return isValue(SchemeValue.vector(values(List.of(elements))));
    }

    /**
     * The value is the empty list {@code ()}.
     *
     * @return this
     */
    public SchemeValueAssert isEmptyList() {
        return isValue(SchemeValue.emptyList());
    }

    /**
     * The value is a procedure, named or anonymous.
     *
     * @return this
     */
    public SchemeValueAssert isProcedure() {
        return hasKind(SchemeValue.Kind.PROCEDURE);
    }

    /**
     * The value is the unspecified value, {@code #<unspecified>}.
     *
     * @return this
     */
    public SchemeValueAssert isUnspecified() {
        return hasKind(SchemeValue.Kind.UNSPECIFIED);
    }

    /**
     * The value has this kind.
     *
     * @param expected the kind
     * @return this
     */
    public SchemeValueAssert hasKind(SchemeValue.Kind expected) {
        isNotNull();
        if (actual.kind() != expected) {
            failWithActualExpectedAndMessage(actual.kind(), expected,
                    "%nExpecting the Scheme value%n  %s%nto be of kind %s but it is of kind %s",
                    actual, expected, actual.kind());
        }
        return this;
    }

    /**
     * The value's write form ({@link SchemeValue#toString()}, what the guest prints after
     * {@code result: }) is this text.
     *
     * @param expected the write form, such as {@code (1 "two" #(3))}
     * @return this
     */
    public SchemeValueAssert hasWrittenForm(String expected) {
        isNotNull();
        if (!actual.toString().equals(expected)) {
            failWithActualExpectedAndMessage(actual.toString(), expected,
                    "%nExpecting the Scheme value%n  %s%nto be written as%n  %s", actual, expected);
        }
        return this;
    }

    /**
     * The value equals this one (structurally, as {@link SchemeValue#equals}).
     *
     * @param expected the value
     * @return this
     */
    public SchemeValueAssert isValue(SchemeValue expected) {
        isNotNull();
        if (!actual.equals(expected)) {
            failWithActualExpectedAndMessage(actual.toString(), expected.toString(),
                    "%nExpecting the Scheme value%n  %s%nto be%n  %s", actual, expected);
        }
        return this;
    }

    private static List<SchemeValue> values(List<?> elements) {
        List<SchemeValue> values = new ArrayList<>();
        for (Object element : elements) {
            values.add(value(element));
        }
        return values;
    }

    private static SchemeValue value(Object element) {
        if (element instanceof SchemeValue v) {
            return v;
        }
        if (element instanceof Integer i) {
            return SchemeValue.integer(i);
        }
        if (element instanceof Boolean b) {
            return SchemeValue.bool(b);
        }
        if (element instanceof String s) {
            return SchemeValue.string(s);
        }
        if (element instanceof List<?> list) {
            return SchemeValue.list(values(list));
        }
        throw new IllegalArgumentException("no Scheme value stands for the Java value " + element
                + (element == null ? "" : " (" + element.getClass().getName() + ")")
                + "; use a SchemeValue, Integer, Boolean, String or List");
    }
}
