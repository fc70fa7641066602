package dev.wasmjit.wasm;

/**
 * Bytes that are not a WebAssembly binary this layer can read: malformed, truncated, or using a
 * feature it does not handle. The message says what was found and where (a byte offset, or the
 * expression's context), in one line.
 */
public final class WasmFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception.
     *
     * @param message what is wrong and where (a byte offset, a function index)
     */
    public WasmFormatException(String message) {
        super(message);
    }
}
