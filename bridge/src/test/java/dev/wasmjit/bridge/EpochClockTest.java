package dev.wasmjit.bridge;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared engines' epoch follows the wall clock: a ticker that wakes late makes up for the
 * ticks it missed, and a deadline set while it lags is not shortened by the catching up. Time
 * is given, not measured, so the scenarios are exact whatever the machine's load.
 */
class EpochClockTest {

    private static final long TICK = 5_000_000;
    private final AtomicLong epoch = new AtomicLong();
    private final EpochClock clock = new EpochClock(0, TICK);

    @Test
    void aTickerOnTimeAdvancesTheEpochByOneTickPerTick() {
        for (int tick = 1; tick <= 10; tick++) {
            clock.advanceTo(tick * TICK, epoch::incrementAndGet);
        }
        assertThat(epoch).hasValue(10);
        assertThat(clock.lag(10 * TICK)).isZero();
    }

    @Test
    void aTickerHeldUpByALoadedMachineMakesUpEveryTickItMissedAtItsNextWakeUp() {
        clock.advanceTo(TICK, epoch::incrementAndGet);
        // the next wake-up comes 800 ticks (4 s) late: the epoch is where the wall clock is
        clock.advanceTo(801 * TICK + TICK / 2, epoch::incrementAndGet);
        assertThat(epoch).hasValue(801);
    }

    @Test
    void aDeadlineSetWhileTheTickerLagsCountsTheLagSoCatchingUpNeverEndsItEarly() {
        clock.advanceTo(10 * TICK, epoch::incrementAndGet);
        long armedAt = 50 * TICK;
        long lag = clock.lag(armedAt);
        assertThat(lag).isEqualTo(40);
        long deadlineTicks = 20;
        long deadlineEpoch = epoch.get() + lag + deadlineTicks;
        // the ticker wakes up and catches up: the call still has its 20 ticks to go
        clock.advanceTo(armedAt, epoch::incrementAndGet);
        assertThat(deadlineEpoch - epoch.get()).isEqualTo(deadlineTicks);
    }

    @Test
    void aDeadlineSetWhileTheTickerIsCatchingUpSeesTheLagAsAtLeastWhatItIs() {
        // the ticker is mid-way through making up 40 ticks when a deadline reads the lag
        clock.advanceTo(40 * TICK, () -> {
            long made = epoch.incrementAndGet();
            assertThat(epoch.get() + clock.lag(40 * TICK)).as("after %d increments", made).isGreaterThanOrEqualTo(40);
        });
        assertThat(epoch).hasValue(40);
    }
}
