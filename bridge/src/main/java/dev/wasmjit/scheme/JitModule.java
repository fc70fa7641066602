package dev.wasmjit.scheme;

/**
 * A module of compiled code the guest generated, copied out of guest memory (the guest's own
 * copy is already freed). Link it with {@link SchemeInterpreter#link(JitModule)}.
 *
 * @param bytes         the module's binary
 * @param functionCount functions it defines, the patch included
 * @param compiledCount functions the guest said were waiting to be compiled, or -1 when the
 *                      guest does not export {@code pendingJitCount}
 */
public record JitModule(byte[] bytes, int functionCount, int compiledCount) {

    /**
     * Copies the bytes.
     *
     * @param bytes         the module's binary
     * @param functionCount functions it defines
     * @param compiledCount functions compiled into it, or -1 if unknown
     */
    public JitModule {
        bytes = bytes.clone();
    }

    /**
     * The module's binary.
     *
     * @return a copy of the bytes
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The module's size.
     *
     * @return bytes
     */
    public int size() {
        return bytes.length;
    }

    /** For example {@code <JitModule: 412 bytes, 2 functions, 1 compiled>}. */
    @Override
    public String toString() {
        return "<JitModule: " + bytes.length + " bytes, " + functionCount + " functions"
                + (compiledCount >= 0 ? ", " + compiledCount + " compiled" : "") + ">";
    }
}
