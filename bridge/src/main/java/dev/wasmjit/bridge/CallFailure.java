package dev.wasmjit.bridge;

import dev.wasmjit.nativeconfig.GuestWasi;
import io.github.kawamuray.wasmtime.Trap;
import io.github.kawamuray.wasmtime.WasmFunctionError;

import java.time.Duration;
import java.util.Optional;

/**
 * Why the call under way failed, and the {@link GuestException} that says so.
 *
 * <p>wasmtime reports a host function's exception only as "error while executing", so host
 * functions record their failure here first ({@link #record}); the recorded failure, when
 * there is one, decides the exception: the error import is a {@link GuestError},
 * {@code proc_exit} a {@link GuestExit}, anything else a failed host function. Without one,
 * the runtime's trap code decides.
 */
final class CallFailure {

    /**
     * wasmtime's whole message when {@code _initialize} traps or times out: wasmtime-java 0.19.0
     * passes on only the outermost context of the error, without the trap or its kind.
     */
    static final String INITIALIZATION_FAILED = "calling the Reactor initialization function";

    private Throwable hostFailure;

    /** Thrown by the error import; the message is taken from stderr afterwards. */
    static final class GuestErrorRaised extends RuntimeException {
        GuestErrorRaised() {
            super("the guest raised an error", null, false, false);
        }
    }

    /**
     * A nested call of the guest ({@link ErrorCatchingImport}) failed with a trap no host
     * function recorded: the call's failure is that trap, not the import that passed it on.
     */
    static final class NestedCallFailed extends RuntimeException {
        final RuntimeException trap;

        NestedCallFailed(RuntimeException trap) {
            super("a nested call failed", trap, false, false);
            this.trap = trap;
        }
    }

    /**
     * Whether the failure recorded is a guest error, which is then forgotten: a nested call
     * that caught it goes on ({@link ErrorCatchingImport}).
     */
    boolean takeGuestError() {
        if (hostFailure instanceof GuestErrorRaised) {
            hostFailure = null;
            return true;
        }
        return false;
    }

    /** Forgets an earlier call's failure; a call starts with this. */
    void clear() {
        hostFailure = null;
    }

    /** Records what a host function threw; the first failure of a call is the one that counts. */
    void record(Throwable failure) {
        if (hostFailure == null) {
            hostFailure = failure;
        }
    }

    /**
     * Whether an instantiation failed while running guest code (a start function or
     * {@code _initialize}) rather than while resolving imports. A trap there reaches Java as a
     * plain WasmtimeException whose message starts the wasm backtrace, without its kind.
     */
    boolean ranGuestCode(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        return hostFailure != null || e instanceof WasmFunctionError
                || message.contains("wasm backtrace") || message.contains(INITIALIZATION_FAILED);
    }

    /**
     * The exception for a call that ended with {@code e}, and forgets the recorded failure.
     *
     * @param what     the call, as messages name it
     * @param deadline the call's deadline, for a timeout's message; empty for none
     * @param ran      how long the call ran
     * @param e        what the runtime threw
     * @param output   the call's output, for a guest error's message
     */
    GuestException translate(String what, Optional<Duration> deadline, Duration ran, RuntimeException e,
                             CallOutput output) {
        Throwable failure = hostFailure;
        hostFailure = null;
        if (failure instanceof NestedCallFailed nested) {
            failure = null;
            e = nested.trap;
        }
        if (failure instanceof GuestErrorRaised) {
            return new GuestError(output.errorMessage());
        }
        if (failure instanceof GuestWasi.WasiExit exit) {
            return new GuestExit(exit.code(), what + ": the guest called proc_exit(" + exit.code() + ")");
        }
        if (failure instanceof GuestTimeout) {
            // a host function that gave up at the call's deadline (ReactorInstance.callTimeLeft)
            return timeout(what, deadline, (GuestTimeout) failure);
        }
        if (failure instanceof IndexOutOfBoundsException) {
            // a pointer the guest passed to a host function (fd_write's iovecs) lies outside its memory
            return new GuestTrap(TrapKind.MEMORY_OUT_OF_BOUNDS, what + ": a host function was given a pointer outside"
                    + " the guest's memory: " + failure.getMessage(), failure);
        }
        if (failure != null) {
            return new GuestTrap(TrapKind.HOST_FUNCTION_FAILED, what + ": a host function failed: " + reason(failure), failure);
        }
        if (e instanceof WasmFunctionError.TrapError trap) {
            TrapKind kind = kindOf(trap.trap());
            return kind == TrapKind.TIMEOUT ? timeout(what, deadline, e)
                    : new GuestTrap(kind, what + ": " + kind.description(), e);
        }
        String message = String.valueOf(e.getMessage());
        boolean atDeadline = deadline.isPresent() && ran.compareTo(deadline.get()) >= 0;
        if (message.contains(INITIALIZATION_FAILED)) {
            // the binding lost the trap's kind: a failure at the deadline is the deadline's
            return atDeadline ? timeout(what, deadline, e)
                    : new GuestTrap(TrapKind.OTHER, what + " trapped (wasmtime-java 0.19.0 does not say how)", e);
        }
        if (atDeadline && (message.contains("interrupt") || message.contains("wasm backtrace"))) {
            // a start function's trap reaches Java as wasmtime's text without its kind (as
            // above): one that came once the deadline had passed is the deadline's
            return timeout(what, deadline, e);
        }
        return new GuestTrap(TrapKind.OTHER, what + ": trapped: " + oneLine(String.valueOf(e.getMessage())), e);
    }

    /** What a host function's failure says, without the Java type that carried it. */
    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /**
     * A trap in a start function reaches Java as wasmtime's message and then its wasm
     * backtrace, a frame per line; an error is one line, so it keeps the innermost frame.
     */
    static String oneLine(String message) {
        java.util.List<String> lines = message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.size() <= 1) {
            return message.strip();
        }
        int more = lines.size() - 2;
        return lines.get(0) + " " + lines.get(1) + (more > 0 ? " (and " + more + " outer frames)" : "");
    }

    private static GuestTimeout timeout(String what, Optional<Duration> deadline, RuntimeException e) {
        // only an interrupt ends a call without a deadline, and that becomes a GuestInterrupted
        Duration limit = deadline.orElse(WasmEngine.LONGEST_DEADLINE);
        return new GuestTimeout(what + ": deadline of " + limit.toMillis() + " ms exceeded", limit, e);
    }

    private static TrapKind kindOf(Trap trap) {
        return switch (trap) {
            case STACK_OVERFLOW -> TrapKind.STACK_OVERFLOW;
            case MEMORY_OUT_OF_BOUNDS, HEAP_MISALIGNED -> TrapKind.MEMORY_OUT_OF_BOUNDS;
            case TABLE_OUT_OF_BOUNDS -> TrapKind.TABLE_OUT_OF_BOUNDS;
            case INDIRECT_CALL_TO_NULL -> TrapKind.INDIRECT_CALL_TO_NULL;
            case BAD_SIGNATURE -> TrapKind.BAD_SIGNATURE;
            case INTEGER_OVERFLOW -> TrapKind.INTEGER_OVERFLOW;
            case INTEGER_DIVISION_BY_ZERO -> TrapKind.INTEGER_DIVISION_BY_ZERO;
            case BAD_CONVERSION_TO_INTEGER -> TrapKind.BAD_CONVERSION_TO_INTEGER;
            case UNREACHABLE_CODE_REACHED -> TrapKind.UNREACHABLE;
            case INTERRUPT -> TrapKind.TIMEOUT;
            default -> TrapKind.OTHER;
        };
    }
}
