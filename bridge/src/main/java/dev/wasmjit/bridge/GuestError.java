package dev.wasmjit.bridge;

/**
 * The guest reported an error of its own (through its error import, such as
 * {@code env.throw_error}). The message is what the guest wrote to stderr just before,
 * without the leading {@code error: }, for example {@code unbound variable: x}.
 */
public class GuestError extends GuestException {

    /**
     * Creates the exception.
     *
     * @param message the guest's error message
     */
    public GuestError(String message) {
        super(message);
    }
}
