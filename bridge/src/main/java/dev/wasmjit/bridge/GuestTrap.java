package dev.wasmjit.bridge;

/**
 * Wasm code trapped: the call was aborted. {@link #kind()} says why; the message names the
 * kind and the export that was called.
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
