package dev.wasmjit.scheme;

import java.util.NoSuchElementException;
import java.util.OptionalInt;

/**
 * A count the guest keeps (compiled functions, functions waiting for a JIT round,
 * collections), read at one moment; absent when the module lacks the extension export that
 * gives it. It prints as the number ({@code 12}), or as {@code unknown (no pendingJitCount
 * export)} when absent, and otherwise reads as an {@link OptionalInt} does.
 */
public final class GuestCount {

    private final String export;
    private final OptionalInt value;

    private GuestCount(String export, OptionalInt value) {
        this.export = export;
        this.value = value;
    }

    static GuestCount of(String export, int value) {
        return new GuestCount(export, OptionalInt.of(value));
    }

    static GuestCount absent(String export) {
        return new GuestCount(export, OptionalInt.empty());
    }

    /**
     * Whether the module gives this count.
     *
     * @return true when it does
     */
    public boolean isPresent() {
        return value.isPresent();
    }

    /**
     * Whether the module lacks the export that gives this count.
     *
     * @return true when it does
     */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /**
     * The count.
     *
     * @return the count
     * @throws NoSuchElementException if the module does not give it, naming the export
     */
    public int getAsInt() {
        if (value.isEmpty()) {
            throw new NoSuchElementException("the module does not export " + export);
        }
        return value.getAsInt();
    }

    /**
     * The count, as {@link #getAsInt()} gives it.
     *
     * @return the count
     * @throws NoSuchElementException if the module does not give it
     */
    public int orElseThrow() {
        return getAsInt();
    }

    /**
     * The count, or a fallback.
     *
     * @param other what to give when the module does not give the count
     * @return the count or {@code other}
     */
    public int orElse(int other) {
        return value.orElse(other);
    }

    /**
     * The count as an {@link OptionalInt}.
     *
     * @return the count, or empty
     */
    public OptionalInt asOptionalInt() {
        return value;
    }

    /** The number, or {@code unknown (no EXPORT export)}. */
    @Override
    public String toString() {
        return value.isPresent() ? String.valueOf(value.getAsInt()) : "unknown (no " + export + " export)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GuestCount other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
