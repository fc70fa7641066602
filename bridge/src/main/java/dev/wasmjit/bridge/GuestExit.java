package dev.wasmjit.bridge;

/** The guest called WASI's {@code proc_exit}; a reactor instance stays usable after it. */
public class GuestExit extends GuestException {

    private final int code;

    /**
     * Creates the exception.
     *
     * @param code    the exit code
     * @param message what exited
     */
    public GuestExit(int code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * The exit code the guest passed.
     *
     * @return the exit code
     */
    public int code() {
        return code;
    }
}
