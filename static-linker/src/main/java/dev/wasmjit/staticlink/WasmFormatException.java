package dev.wasmjit.staticlink;

/**
 * A module's bytes are not what the static linker can read or link: malformed, or using a
 * feature it does not handle. The message says what was found and at which byte offset.
 */
public final class WasmFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where (a byte offset, a function index) */
    WasmFormatException(String message) {
        super(message);
    }
}
