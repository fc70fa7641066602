package dev.wasmjit.bridge;

import dev.wasmjit.nativeconfig.GuestWasi;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.Val;
import io.github.kawamuray.wasmtime.WasmFunctionError;
import io.github.kawamuray.wasmtime.WasmtimeException;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way into guest code: every call of an export, and every instantiation (which runs
 * {@code _initialize} or a start function), passes through here. The gate
 * <ul>
 *   <li>gives the call its deadline ({@link EpochDeadline});</li>
 *   <li>forgets the previous call's output and failure;</li>
 *   <li>refuses a host function calling back into its own instance;</li>
 *   <li>turns whatever ended the call into a {@link GuestException};</li>
 *   <li>and after a failure restores the shadow-stack pointer, which a trap unwinds past
 *       without restoring it.</li>
 * </ul>
 * Handles hold the gate, never the instance.
 */
final class CallGate {

    private final GuestStore store;
    private final EpochDeadline epochDeadline;
    private final CallFailure failure;
    private final CallOutput output;
    private final GuestWasi wasi;
    private boolean inCall;
    private long callStarted;
    private Func setStackPointer;
    private int savedStackPointer;
    private Optional<Duration> restoreDeadline;

    CallGate(GuestStore store, EpochDeadline epochDeadline, CallFailure failure, CallOutput output, GuestWasi wasi) {
        this.store = store;
        this.epochDeadline = epochDeadline;
        this.failure = failure;
        this.output = output;
        this.wasi = wasi;
    }

    /**
     * Calls a function with a deadline, on the guest thread.
     *
     * @param what the call, as messages name it
     * @throws GuestException        if the guest fails
     * @throws IllegalStateException if the instance was closed, before or during the call
     */
    Val[] call(String what, Func func, Optional<Duration> deadline, Val... args) {
        return store.run(() -> {
            begin(deadline);
            try {
                return func.call(store.wasmtime(), args);
            } catch (WasmtimeException | WasmFunctionError e) {
                GuestException translated = translate(what, deadline, e);
                if (store.isClosed()) {
                    throw new IllegalStateException(what + ": the instance was closed during the call", translated);
                }
                throw translated;
            } finally {
                end();
            }
        });
    }

    /**
     * Runs an instantiation, which may run guest code ({@code _initialize}, a start function).
     *
     * @param what          the guest code it runs, as messages name it
     * @param instantiation the instantiation
     * @param refused       the exception for a failure before any guest code ran: the module
     *                      was refused
     * @throws GuestException if the guest code fails
     */
    void instantiate(String what, Optional<Duration> deadline, Runnable instantiation,
                     Function<RuntimeException, RuntimeException> refused) {
        store.run(() -> {
            begin(deadline);
            try {
                instantiation.run();
            } catch (WasmtimeException | WasmFunctionError e) {
                if (!failure.ranGuestCode(e)) {
                    throw refused.apply(e);
                }
                throw translate(what, deadline, e);
            } finally {
                end();
            }
            return null;
        });
    }

    /**
     * From now on, restores the shadow-stack pointer to {@code value} after every failed call,
     * through {@code setter}, a {@code (i32) -> ()} export.
     */
    void restoreStackPointerAfterFailures(Func setter, int value, Optional<Duration> deadline) {
        this.setStackPointer = setter;
        this.savedStackPointer = value;
        // setting a global takes microseconds: a module whose setter runs away is stopped soon
        // even when its calls have no deadline
        this.restoreDeadline = Optional.of(deadline.filter(d -> d.compareTo(LONGEST_RESTORE) < 0).orElse(LONGEST_RESTORE));
    }

    /** The longest the restoring of the stack pointer may take. */
    static final Duration LONGEST_RESTORE = Duration.ofSeconds(1);

    /**
     * Marks the store as in a call. The mark is set last, once nothing here can fail, and
     * every caller clears it in a {@code finally} through {@link #end}: a mark left set would
     * refuse every later call as re-entrant.
     */
    private void begin(Optional<Duration> deadline) {
        store.ensureOpen();
        if (inCall) {
            throw new IllegalStateException("a host function cannot call back into its own instance");
        }
        failure.clear();
        output.clear();
        callStarted = System.nanoTime();
        epochDeadline.arm(store.wasmtime(), deadline);
        inCall = true;
    }

    private void end() {
        try {
            wasi.flushPartialLines();
        } finally {
            epochDeadline.disarm();
            inCall = false;
        }
    }

    private GuestException translate(String what, Optional<Duration> deadline, RuntimeException e) {
        RuntimeException listenerFailure = null;
        try {
            wasi.flushPartialLines();
        } catch (RuntimeException f) {
            listenerFailure = f; // the user's line listener threw: keep the call's own failure first
        }
        epochDeadline.disarm();
        Duration ran = Duration.ofNanos(System.nanoTime() - callStarted);
        GuestException translated = failure.translate(what, deadline, ran, e, output);
        if (epochDeadline.takeInterrupted() && translated instanceof GuestTimeout) {
            translated = new GuestInterrupted(what + ": interrupted", e);
        }
        if (listenerFailure != null) {
            translated.addSuppressed(listenerFailure);
        }
        if (setStackPointer != null) {
            epochDeadline.setUninterruptible(store.wasmtime(), restoreDeadline);
            try {
                setStackPointer.call(store.wasmtime(), Val.fromI32(savedStackPointer));
            } catch (RuntimeException restore) {
                // a broken module's setter trapped or ran past its deadline: say so with the
                // call's own failure, in words, rather than let wasmtime's trap escape
                GuestException why = failure.translate("setStackPointer", restoreDeadline,
                        Duration.ofNanos(System.nanoTime() - callStarted), restore, output);
                GuestTrap both = new GuestTrap(TrapKind.OTHER, translated.getMessage()
                        + "; then restoring the shadow-stack pointer failed too: " + why.getMessage(), translated);
                both.addSuppressed(why);
                return both;
            }
        }
        return translated;
    }
}
