package dev.wasmjit.scheme;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java objects that one interpreter's Scheme holds as opaque handles
 * ({@link SchemeValue#hostObject(Object)}), each with its index.
 *
 * <p>In the guest a handle is a record of the type {@code <wasmjit:host-object>} whose one field
 * is the index. The guest keeps one record per index, so an object passed twice is the same
 * handle, {@code eq?} to itself. The guest takes values only as text, so a handle goes in as
 * an expression, {@code (wasmjit:host-object N)}; a host procedure's result, which the guest
 * reads as data, marks its handles instead, and the procedure's wrapper turns the marks into
 * handles ({@code wasmjit:unmark}, {@link #DEFINITIONS}). A handle comes back as the guest writes the record,
 * {@code #<wasmjit:host-object index: N>}, which {@link #resolve} turns into the object again.
 *
 * <p>An object stays here, reachable, as long as the interpreter does: Scheme may keep a handle
 * anywhere, and nothing tells Java when it dropped the last one. The names beginning
 * {@code wasmjit:} are the guest's side of this, and a program that redefines them breaks it.
 */
final class HostObjects {

    /** The records' type name, as the guest writes a record of it. */
    static final String TYPE_NAME = "wasmjit:host-object";
    /** Marks a host procedure's result that holds handles, and each handle in it. */
    private static final String MARK = "wasmjit:host-object";

    /** The guest's side, defined once before the first handle goes in. */
    static final String DEFINITIONS = """
            (define-record-type <wasmjit:host-object> (wasmjit:make-host-object index)
              wasmjit:host-object? (index wasmjit:host-object-index))
            (define wasmjit:host-objects (make-vector 16 #f))
            (define (wasmjit:host-object index)
              (if (>= index (vector-length wasmjit:host-objects))
                  (let ((more (make-vector (* 2 (+ index 1)) #f)))
                    (vector-copy! more 0 wasmjit:host-objects)
                    (set! wasmjit:host-objects more)))
              (or (vector-ref wasmjit:host-objects index)
                  (let ((handle (wasmjit:make-host-object index)))
                    (vector-set! wasmjit:host-objects index handle)
                    handle)))
            (define (wasmjit:unmark x)
              (cond ((and (vector? x) (= (vector-length x) 2) (eq? (vector-ref x 0) 'wasmjit:host-object))
                     (wasmjit:host-object (vector-ref x 1)))
                    ((pair? x) (cons (wasmjit:unmark (car x)) (wasmjit:unmark (cdr x))))
                    ((vector? x) (vector-map wasmjit:unmark x))
                    (else x)))
            """;

    private final Map<Object, Integer> indexes = new IdentityHashMap<>();
    private final List<Object> objects = new ArrayList<>();
    private boolean defined;

    /** Whether a handle has been written for the guest, whose side is not defined yet. */
    boolean needsDefinitions() {
        return !defined && !objects.isEmpty();
    }

    void markDefined() {
        defined = true;
    }

    /**
     * Whether a value is passed as a handle: a {@link SchemeValue#hostObject} handle, or an
     * object of no kind that {@link SchemeLiteral} converts to data.
     */
    static boolean isHostObject(Object value) {
        if (value instanceof SchemeValue v) {
            return v.kind() == SchemeValue.Kind.HOST_OBJECT;
        }
        return value != null && !(value instanceof Number && isExactOrReal(value) || value instanceof Boolean
                || value instanceof Character || value instanceof CharSequence || value instanceof byte[]
                || value instanceof List<?> || value.getClass().isArray() || value instanceof SchemeProcedure);
    }

    private static boolean isExactOrReal(Object number) {
        return number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
                || number instanceof BigInteger || number instanceof Double || number instanceof Float;
    }

    /** Whether a value holds a handle anywhere: itself, or an element of a list, array or pair. */
    static boolean holdsHostObject(Object value) {
        List<Object> pending = new ArrayList<>();
        pending.add(value);
        while (!pending.isEmpty()) {
            Object next = pending.remove(pending.size() - 1);
            if (isHostObject(next)) {
                return true;
            }
            if (next instanceof List<?> list) {
                pending.addAll(list);
            } else if (next instanceof SchemeValue v && v.kind() == SchemeValue.Kind.PAIR) {
                pending.add(v.car());
                pending.add(v.cdr());
            } else if (next instanceof SchemeValue v && v.kind() == SchemeValue.Kind.VECTOR) {
                pending.addAll(v.asVector());
            } else if (next != null && next.getClass().isArray() && !(next instanceof byte[])) {
                for (int i = 0; i < Array.getLength(next); i++) {
                    pending.add(Array.get(next, i));
                }
            }
        }
        return false;
    }

    /** The index of a handle's object, given one on its first use. */
    int indexOf(Object value) {
        Object object = value instanceof SchemeValue v ? v.asHostObject() : value;
        return indexes.computeIfAbsent(object, o -> {
            objects.add(o);
            return objects.size() - 1;
        });
    }

    /** A handle as an expression of the guest. */
    String expression(Object value) {
        return "(wasmjit:host-object " + indexOf(value) + ")";
    }

    /** A handle as a host procedure's result writes it, for {@code wasmjit:unmark}. */
    String mark(Object value) {
        return "#(" + MARK + " " + indexOf(value) + ")";
    }

    /** A host procedure's result that holds handles, as its wrapper recognises it. */
    static String markedResult(String datum) {
        return "(" + MARK + " . " + datum + ")";
    }

    /**
     * A record as {@link ExternalRepresentation} reads it, or the handle it stands for when it
     * is one of this interpreter's.
     *
     * @throws IllegalArgumentException if it claims to be a handle with an index never given
     */
    SchemeValue resolve(SchemeValue record) {
        if (!record.recordTypeName().equals(TYPE_NAME) || record.recordFieldValues().size() != 1
                || !record.recordFieldValues().get(0).isInteger()) {
            return record;
        }
        int index = record.recordFieldValues().get(0).asInteger();
        if (index < 0 || index >= objects.size()) {
            throw new IllegalArgumentException("the guest gave back a host object this interpreter never passed: " + record);
        }
        return SchemeValue.hostObject(objects.get(index));
    }
}
