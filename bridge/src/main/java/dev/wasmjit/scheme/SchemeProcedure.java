package dev.wasmjit.scheme;

import java.util.Objects;

/**
 * A Scheme procedure that Java calls: the procedure a global variable of one interpreter holds
 * at the time of each call (a later {@code define} of the name is seen). Made by
 * {@link SchemeGlobals#procedure(String)}. As an argument of a call it is passed as the
 * procedure itself, so Scheme can call it back: {@code scheme.call("map", square, List.of(1, 2))}.
 */
public final class SchemeProcedure {

    private final SchemeGlobals owner;
    private final String globalName;

    SchemeProcedure(SchemeGlobals owner, String globalName) {
        this.owner = owner;
        this.globalName = globalName;
    }

    /**
     * Calls the procedure, converting the arguments as {@link SchemeGlobals#call} does.
     *
     * @param arguments the arguments
     * @return the procedure's result
     * @throws dev.wasmjit.bridge.GuestError if the call fails in Scheme: the global is unbound
     *                                       or not a procedure, or the procedure fails
     * @throws IllegalArgumentException      if an argument is null
     */
    public SchemeValue call(Object... arguments) {
        return owner.call(globalName, arguments);
    }

    /**
     * The global variable this procedure is read from.
     *
     * @return its name
     */
    public String globalName() {
        return globalName;
    }

    /** The interpreter whose global it is. */
    SchemeGlobals owner() {
        return owner;
    }

    /** For example {@code #<procedure square>}, the form {@code write} gives a named procedure. */
    @Override
    public String toString() {
        return "#<procedure " + globalName + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemeProcedure other && other.owner == owner && other.globalName.equals(globalName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(owner), globalName);
    }
}
