package dev.wasmjit.bridge;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * When a call that runs into its deadline may end: not before the deadline, and well before
 * a deadline stretched to twice its length would have passed. Every test that proves a
 * deadline ends a call measures it with these, so that a deadline kept loosely fails them.
 *
 * <p>The bound is one and a half times the deadline plus {@link #SCHEDULING_SLACK}. A correct
 * engine ends the call one or two {@linkplain WasmEngine#TICK ticks} after its deadline; the
 * rest is room for thread hand-overs. Twice a deadline of at least {@link #SHORTEST} stands
 * clear of the bound, so a stretch by 2 fails, and by 4 fails by far.
 *
 * <p>The engine's epoch follows the wall clock ({@link EpochClock}), but on a loaded machine
 * (a load average of 8 on 2 cores) the guest's thread, the ticker and the test's own thread
 * all wait their turn for a core, and the JVM as a whole may stall (a collection, a throttled
 * container). (When the epoch counted the ticker's wake-ups, a 1 s deadline ended after 1.7 s.)
 * So the bound must hold on the wall clock less the longest stall a watcher thread saw during
 * the call (a thread that wakes every {@link WasmEngine#TICK} and measures
 * how long each sleep really took). A load that slows every thread a little adds nothing to
 * the longest stall, so a deadline stretched twice still exceeds the bound under load: only a
 * single long stall, which a correct engine cannot make up for, is forgiven. Counting the
 * watcher's wake-ups, or the CPU time the JVM got, would forgive the stretch too, since both
 * fall behind the wall clock in proportion to the load.
 */
public final class DeadlineBounds {

    /** The deadline timeout tests give: the shortest whose doubling fails the bound with room to spare. */
    public static final Duration SHORTEST = Duration.ofSeconds(1);
    /** What thread hand-overs may add on top of half the deadline. */
    public static final Duration SCHEDULING_SLACK = Duration.ofMillis(150);

    private DeadlineBounds() {
    }

    /**
     * The latest a call with {@code deadline} may end, counted from its start.
     *
     * @param deadline the call's deadline
     * @return one and a half times the deadline, plus {@link #SCHEDULING_SLACK}
     */
    public static Duration latestEnd(Duration deadline) {
        return deadline.plus(deadline.dividedBy(2)).plus(SCHEDULING_SLACK);
    }

    /**
     * Runs {@code call}, which must end in a {@link GuestTimeout} for {@code deadline}, and
     * checks when it ended.
     *
     * @param deadline the deadline the call was given, at least {@link #SHORTEST}
     * @param call the call, expected to run away
     * @return the timeout, for further checks
     */
    public static GuestTimeout assertTimesOutAt(Duration deadline, ThrowingCallable call) {
        Throwable thrown;
        try (CallTimer timer = CallTimer.start()) {
            thrown = catchThrowable(call);
            timer.assertEndedAtDeadline(deadline);
        }
        assertThatThrownBy(() -> {
            throw thrown;
        }).isInstanceOfSatisfying(GuestTimeout.class, timeout -> {
            assertThat(timeout.kind()).isEqualTo(TrapKind.TIMEOUT);
            assertThat(timeout.deadline()).as("the deadline the timeout reports").isEqualTo(deadline);
        });
        return (GuestTimeout) thrown;
    }

    /**
     * Times a call whose timeout is reported other than by an exception (an HTTP answer, an
     * exit code): start it before the call, check it after.
     */
    public static final class CallTimer implements AutoCloseable {
        private final long startNanos = System.nanoTime();
        private final AtomicLong lastWake = new AtomicLong(startNanos);
        private final AtomicLong longestStall = new AtomicLong();
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "deadline-bounds-ticker");
            thread.setDaemon(true);
            return thread;
        });

        private CallTimer() {
            long period = WasmEngine.TICK.toNanos();
            ticker.scheduleWithFixedDelay(() -> {
                long now = System.nanoTime();
                longestStall.accumulateAndGet(now - lastWake.getAndSet(now) - period, Math::max);
            }, period, period, TimeUnit.NANOSECONDS);
        }

        /**
         * Starts timing now.
         *
         * @return the timer
         */
        public static CallTimer start() {
            return new CallTimer();
        }

        /**
         * Checks that the call timed since {@link #start()} ended now, at {@code deadline}.
         *
         * @param deadline the deadline the call was given, at least {@link #SHORTEST}
         */
        public void assertEndedAtDeadline(Duration deadline) {
            if (deadline.compareTo(SHORTEST) < 0) {
                close();
                throw new IllegalArgumentException("a deadline of " + deadline.toMillis()
                        + " ms is too short to tell from a doubled one; use at least " + SHORTEST.toMillis() + " ms");
            }
            assertEndedBetween(deadline, latestEnd(deadline));
        }

        /**
         * Checks that the call timed since {@link #start()} ended now, not before
         * {@code deadline} and before {@code latest} on the wall clock, less the longest stall
         * seen. For deadlines too short to tell from a doubled one too, where only the call's
         * ending in time is in question.
         *
         * @param deadline the deadline the call was given
         * @param latest   the latest it may end
         */
        public void assertEndedBetween(Duration deadline, Duration latest) {
            long now = System.nanoTime();
            Duration wall = Duration.ofNanos(now - startNanos);
            close();
            // a stall the watcher has not woken from yet counts too
            long pending = now - lastWake.get() - WasmEngine.TICK.toNanos();
            Duration stall = Duration.ofNanos(Math.max(0, Math.max(longestStall.get(), pending)));
            String when = String.format("a call with a deadline of %d ms ended after %d ms of wall-clock time, during"
                    + " which the longest stall of a %d ms watcher was %d ms", deadline.toMillis(), wall.toMillis(),
                    WasmEngine.TICK.toMillis(), stall.toMillis());
            assertThat(wall).as("%s: not before its deadline", when).isGreaterThanOrEqualTo(deadline);
            assertThat(wall.minus(stall)).as("%s: before %d ms, less that stall", when, latest.toMillis())
                    .isLessThan(latest);
        }

        @Override
        public void close() {
            ticker.shutdownNow();
        }
    }
}
