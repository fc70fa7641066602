package dev.wasmjit.scheme;

import dev.wasmjit.bridge.ReactorInstance;

/**
 * What {@link SchemeInterpreter} offers about its tiering ({@link Tiering}): which it was built
 * with and what automatic tiering has done. A base class of its own so that the interpreter's
 * file stays about evaluating.
 */
abstract class TieredInterpreter {

    /** The host's half of tiering; it does nothing unless the tiering is automatic. */
    final AutomaticTiering tiering;

    TieredInterpreter(AutomaticTiering tiering) {
        this.tiering = tiering;
    }

    /**
     * How this interpreter decides what to compile.
     *
     * @return the tiering it was built with
     */
    public final Tiering tiering() {
        return tiering.settings();
    }

    /**
     * What automatic tiering has done so far: rounds, functions compiled, failed rounds, time
     * compiling in the background, and time linking and handing modules over on the guest thread.
     *
     * @return the counts; {@link TieringStats#NONE} unless the tiering is automatic
     */
    public final TieringStats tieringStats() {
        return tiering.stats();
    }

    /** The host's half, for this package's tests. */
    final AutomaticTiering automaticTiering() {
        return tiering;
    }

    /** Stops the compilation under way, then frees the instance: no compilation outlives its engine. */
    final void closeWith(ReactorInstance instance) {
        tiering.close();
        instance.close(); // and the module and isolated engine it owns
    }
}
