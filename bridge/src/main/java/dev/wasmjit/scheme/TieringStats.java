package dev.wasmjit.scheme;

import java.time.Duration;

/**
 * What automatic tiering has done in one interpreter so far ({@link SchemeInterpreter#tieringStats()}).
 * All zero unless the interpreter tiers automatically; manual rounds are not counted here.
 *
 * @param rounds            modules of hot functions linked
 * @param functionsCompiled functions those modules compiled
 * @param failedRounds      modules that did not compile or link: their functions stay interpreted
 * @param compileTime       time the compiler threads spent compiling
 * @param linkTime          time the guest thread spent linking (instantiating, which runs the patch)
 * @param waitTime          time the guest thread spent in the tiering imports besides linking:
 *                          handing a module over and polling; the guest never blocks on a compilation
 * @param longestWait       the longest of those stays in one import: what a goal of "the guest
 *                          never waits more than 1 ms for a compilation" is measured by
 */
public record TieringStats(int rounds, int functionsCompiled, int failedRounds, Duration compileTime,
                           Duration linkTime, Duration waitTime, Duration longestWait) {

    /** Nothing done. */
    public static final TieringStats NONE = new TieringStats(0, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO);

    /** One line for {@code --stats}: counts and milliseconds. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "tiering: %d rounds, %d functions compiled, %d failed rounds, compile %.1f ms (background), "
                        + "link %.2f ms, wait %.3f ms (guest thread, longest %.3f ms)",
                rounds, functionsCompiled, failedRounds, compileTime.toNanos() / 1e6, linkTime.toNanos() / 1e6,
                waitTime.toNanos() / 1e6, longestWait.toNanos() / 1e6);
    }
}
