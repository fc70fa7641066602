package dev.wasmjit.staticlink;

/**
 * What the snapshot phase reads from a running instance of an {@link InstrumentedModule}.
 * Implement it over whatever runtime holds the instance; {@link ReactorLiveInstance} does it
 * for the bridge's wasmtime instance. The static linker calls it only from
 * {@link StaticLinker#link}, on the caller's thread, between calls into the instance.
 */
public interface LiveInstance {

    /**
     * The instance's linear memory.
     *
     * @return a copy of the whole memory exported as {@code memory}, at its current size (a
     *         whole number of 64 KiB pages); the linker neither keeps nor changes it beyond the call
     */
    byte[] memory();

    /**
     * Calls one of the instrumentation's getters.
     *
     * @param name an exported function of the instrumented module that takes no arguments and
     *             returns one i32 or i64
     * @return the value it returned; an i32 sign-extended to a long
     */
    long call(String name);
}
