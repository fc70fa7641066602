package dev.wasmjit.bridge;

/**
 * A module could not be read, compiled or instantiated: malformed bytes, failed validation,
 * imports this host cannot provide, or a command module where a reactor is needed.
 */
public class ModuleException extends GuestException {

    /**
     * Creates the exception.
     *
     * @param message what is wrong, and where
     */
    public ModuleException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong, and where
     * @param cause   the underlying failure
     */
    public ModuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
