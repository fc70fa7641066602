package dev.wasmjit.bridge;

/**
 * The root of every failure the bridge reports about a guest: its own errors, traps, exits,
 * malformed modules and failed late links. After any of them the instance that raised it
 * keeps working: it can be called again, and code linked into it earlier still runs.
 */
public class GuestException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message what happened
     */
    public GuestException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what happened
     * @param cause   the underlying failure
     */
    public GuestException(String message, Throwable cause) {
        super(message, cause);
    }
}
