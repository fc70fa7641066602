package dev.wasmjit.bridge;

import dev.wasmjit.wasm.ValueType;
import io.github.kawamuray.wasmtime.Global;
import io.github.kawamuray.wasmtime.Val;

/** A handle to a global the instance exports. */
public final class GuestGlobal {

    private final GuestStore store;
    private final String name;
    private final Global global;

    GuestGlobal(GuestStore store, String name, Global global) {
        this.store = store;
        this.name = name;
        this.global = global;
    }

    /**
     * The export's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The global's current value.
     *
     * @return an Integer, Long, Float or Double by the global's type
     */
    public Number get() {
        return store.run(() -> NativeTypes.fromVal(global.get(store.wasmtime())));
    }

    /**
     * Whether the global can be set.
     *
     * @return true for a mutable global
     */
    public boolean isMutable() {
        return store.run(() -> global.isMutable(store.wasmtime()));
    }

    /**
     * Sets a mutable global, converting the number to the global's type.
     *
     * @param value the new value
     * @throws IllegalStateException if the global is immutable
     */
    public void set(Number value) {
        store.run(() -> {
            if (!global.isMutable(store.wasmtime())) {
                throw new IllegalStateException("the global " + name + " is immutable");
            }
            Val current = global.get(store.wasmtime());
            ValueType type = switch (current.getType()) {
                case I32 -> ValueType.I32;
                case I64 -> ValueType.I64;
                case F32 -> ValueType.F32;
                case F64 -> ValueType.F64;
                default -> throw new IllegalStateException("the global " + name + " is not numeric");
            };
            global.set(store.wasmtime(), NativeTypes.toVal(type, value));
            return null;
        });
    }
}
