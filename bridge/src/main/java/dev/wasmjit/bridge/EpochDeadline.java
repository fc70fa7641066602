package dev.wasmjit.bridge;

import io.github.kawamuray.wasmtime.Store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * The epoch deadline of the call under way in one store (see {@link WasmEngine} for how
 * deadlines are counted).
 *
 * <p>On a shared engine the engine's ticker counts the deadline down, and nothing else can end
 * a call early: advancing a shared epoch would end every instance's call. On an
 * {@linkplain WasmEngine#isolated isolated} engine each call's deadline is one epoch away, and
 * the epoch advances once: when the call's one-shot alarm rings, or when {@link #interrupt()}
 * is called from any thread. A generation counter keeps a late alarm or interrupt from ending
 * the next call. A call without a deadline gets no alarm at all.
 */
final class EpochDeadline {

    private final WasmEngine engine;
    private final Object lock = new Object();
    private long generation;              // guarded by lock
    private boolean armed;                // guarded by lock: a call is under way and its epoch not advanced yet
    private boolean interruptRequested;   // guarded by lock: the epoch was advanced by interrupt(), not the alarm
    private ScheduledFuture<?> alarm;     // guarded by lock
    /** When the call under way must end, in System.nanoTime's terms; null for no deadline or no call. */
    private volatile Long endsAt;

    EpochDeadline(WasmEngine engine) {
        this.engine = engine;
    }

    /** Sets the deadline of the call about to start in {@code store}; on the guest thread. */
    void arm(Store<Void> store, Optional<Duration> deadline) {
        endsAt = deadline.map(EpochDeadline::endOf).orElse(null);
        long ticks = engine.ticksFor(deadline);
        if (!engine.isIsolated()) {
            store.setEpochDeadline(ticks);
            return;
        }
        synchronized (lock) {
            store.setEpochDeadline(ticks);
            long call = ++generation;
            interruptRequested = false;
            armed = true;
            alarm = deadline.map(d -> engine.alarm(d, () -> {
                synchronized (lock) {
                    ring(call, false);
                }
            })).orElse(null);
        }
    }

    /**
     * Sets a deadline that neither an alarm nor {@link #interrupt()} ends early, for the host's
     * own short calls that must complete (restoring the stack pointer after a failure).
     */
    void setUninterruptible(Store<Void> store, Optional<Duration> deadline) {
        store.setEpochDeadline(engine.ticksFor(deadline));
    }

    /** When a call with this deadline must end; null when that is beyond what nanoTime counts (no limit). */
    private static Long endOf(Duration deadline) {
        try {
            return Math.addExact(System.nanoTime(), deadline.toNanos());
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** How long the call under way may still run; empty when none is under way or it has no deadline. */
    Optional<Duration> timeLeft() {
        Long end = endsAt;
        return end == null ? Optional.empty() : Optional.of(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
    }

    /** The call is over: neither its alarm nor {@link #interrupt()} may advance the epoch any more. */
    void disarm() {
        endsAt = null;
        if (!engine.isIsolated()) {
            return;
        }
        synchronized (lock) {
            armed = false;
            if (alarm != null) {
                alarm.cancel(false);
                alarm = null;
            }
        }
    }

    /** Whether {@link #interrupt()} works: only on an isolated engine. */
    boolean canInterrupt() {
        return engine.isIsolated();
    }

    /**
     * Ends the call under way at its next epoch check, from any thread.
     *
     * @return true if a call was under way
     * @throws IllegalStateException on a shared engine
     */
    boolean interrupt() {
        if (!engine.isIsolated()) {
            throw new IllegalStateException("only an instance on an isolated engine (WasmEngine.isolated) can be interrupted");
        }
        synchronized (lock) {
            return ring(generation, true);
        }
    }

    /** Whether the call that just ended was stopped by {@link #interrupt()}; asks once per call. */
    boolean takeInterrupted() {
        synchronized (lock) {
            boolean interrupted = interruptRequested;
            interruptRequested = false;
            return interrupted;
        }
    }

    /** Ends the call of this generation if it is still under way: its deadline is one epoch away. */
    private boolean ring(long call, boolean byInterrupt) {
        if (!armed || call != generation) {
            return false;
        }
        armed = false;
        interruptRequested = byInterrupt;
        engine.advanceEpoch();
        return true;
    }
}
