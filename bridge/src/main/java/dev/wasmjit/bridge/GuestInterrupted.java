package dev.wasmjit.bridge;

/**
 * A call was stopped by {@link ReactorInstance#interrupt()} (a REPL's Ctrl-C); its kind is
 * {@link TrapKind#INTERRUPTED}. The instance works on, as after any other trap.
 */
public class GuestInterrupted extends GuestTrap {

    /**
     * Creates the exception.
     *
     * @param message what was interrupted
     * @param cause   the runtime's own exception
     */
    public GuestInterrupted(String message, Throwable cause) {
        super(TrapKind.INTERRUPTED, message, cause);
    }
}
