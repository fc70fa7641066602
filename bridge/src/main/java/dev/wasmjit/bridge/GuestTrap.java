package dev.wasmjit.bridge;

/**
 * The call was aborted: wasm code trapped, or the guest hit one of its own limits (see
 * {@link TrapKind}). {@link #kind()} says why. For a wasm trap the message names the kind and
 * the export that was called; for a guest limit it is the guest's own message, and the
 * cause is the {@link GuestError} the guest raised.
 */
public class GuestTrap extends GuestException {

    private final TrapKind kind;

    /**
     * Creates the exception.
     *
     * @param kind    why the code trapped
     * @param message what happened, naming the kind
     * @param cause   the runtime's own exception, or null
     */
    public GuestTrap(TrapKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /**
     * Why the code trapped.
     *
     * @return the trap's kind
     */
    public TrapKind kind() {
        return kind;
    }
}
