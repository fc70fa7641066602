package dev.wasmjit.bridge;

/**
 * Generated code could not be linked into a running instance: the bytes are not a valid
 * module, it imports something the instance cannot give, or its start function (the patch)
 * failed. The instance keeps working with whatever it had linked before.
 */
public class LinkException extends GuestException {

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     */
    public LinkException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong
     * @param cause   the underlying failure
     */
    public LinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
