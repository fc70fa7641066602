package dev.wasmjit.staticlink;

/**
 * What the snapshot phase reads from a running instance of an {@link InstrumentedModule}.
 * Implemented over whatever runtime holds the instance (the bridge's wasmtime instance, or a
 * Node process in tests).
 */
public interface LiveInstance {

    /** A copy of the whole linear memory exported as {@code memory}, at its current size. */
    byte[] memory();

    /**
     * Calls the exported function {@code name}, which takes no arguments and returns one i32 or
     * i64, and returns that value (an i32 sign-extended).
     */
    long call(String name);
}
