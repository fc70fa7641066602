package dev.wasmjit.bridge;

/**
 * The shared engines' epoch as a clock: it counts the {@link WasmEngine#TICK}s of wall-clock
 * time since the engine was made, not the times its ticker thread woke up.
 *
 * <p>On a loaded machine a timer thread wakes late, and a ticker that advanced the epoch by
 * one per wake-up fell behind the wall clock: a 6 s deadline was seen to end after 10 s.
 * Here each wake-up advances the epoch by every tick that has come due since the last one,
 * so the epoch lags the wall clock only while the ticker waits to be scheduled. A deadline is
 * counted from the wall clock too: a call armed while the epoch lags gets the lag on top, so
 * that catching up never ends a call before its deadline.
 *
 * <p>Only the engine's ticker thread calls {@link #advanceTo}; deadlines read {@link #lag}
 * from guest threads.
 */
final class EpochClock {

    private final long startNanos;
    private final long tickNanos;
    /** Epoch increments made so far; written by the ticker thread only. */
    private volatile long advanced;

    EpochClock(long startNanos, long tickNanos) {
        this.startNanos = startNanos;
        this.tickNanos = tickNanos;
    }

    /**
     * Advances the epoch by every tick that has come due by {@code nowNanos}: calls
     * {@code incrementEpoch} once per tick. Each increment is counted after it is made, so
     * that a deadline set meanwhile sees the lag as at least what it is: late, never early.
     */
    void advanceTo(long nowNanos, Runnable incrementEpoch) {
        for (long due = due(nowNanos); advanced < due; ) {
            incrementEpoch.run();
            advanced++;
        }
    }

    /**
     * How many ticks the epoch is behind the wall clock at {@code nowNanos}: the ticks that
     * have come due and that the ticker has not advanced yet. A deadline set now adds these,
     * since the ticker will advance them at its next wake-up, at once.
     */
    long lag(long nowNanos) {
        return Math.max(0, due(nowNanos) - advanced);
    }

    private long due(long nowNanos) {
        return (nowNanos - startNanos) / tickNanos;
    }
}
