package dev.wasmjit.script;

import dev.wasmjit.scheme.SchemeValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Scheme values as the plain Java values a script engine's caller expects: an integer is an
 * {@link Integer}, a boolean a {@link Boolean}, a string a {@link String}, a proper list a
 * {@link List} and a vector an {@code Object[]} of converted elements, the unspecified value
 * {@code null}, a host object the Java object it holds. Symbols, dotted pairs and procedures stay
 * {@link SchemeValue}s, which convert back to themselves when passed to Scheme again.
 */
final class JavaValues {

    private JavaValues() {
    }

    static Object of(SchemeValue value) {
        return switch (value.kind()) {
            case INTEGER -> value.asInteger();
            case BOOLEAN -> value.asBoolean();
            case STRING -> value.asString();
            case UNSPECIFIED -> null;
            case EMPTY_LIST -> List.of();
            case PAIR -> value.isList() ? list(value.asList()) : value;
            case VECTOR -> list(value.asVector()).toArray();
            case HOST_OBJECT -> value.asHostObject();
            default -> value;
        };
    }

    private static List<Object> list(List<SchemeValue> elements) {
        List<Object> converted = new ArrayList<>(elements.size());
        for (SchemeValue element : elements) {
            converted.add(of(element));
        }
        return converted;
    }
}
