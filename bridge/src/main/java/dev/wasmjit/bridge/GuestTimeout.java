package dev.wasmjit.bridge;

import java.time.Duration;

/** A call ran past its wall-clock deadline and was interrupted; its kind is {@link TrapKind#TIMEOUT}. */
public class GuestTimeout extends GuestTrap {

    private final Duration deadline;

    /**
     * Creates the exception.
     *
     * @param message what was interrupted
     * @param deadline the deadline that passed
     * @param cause   the runtime's own exception
     */
    public GuestTimeout(String message, Duration deadline, Throwable cause) {
        super(TrapKind.TIMEOUT, message, cause);
        this.deadline = deadline;
    }

    /**
     * The deadline the call had.
     *
     * @return the deadline
     */
    public Duration deadline() {
        return deadline;
    }
}
