package dev.wasmjit.scheme;

/**
 * How an interpreter decides what to compile: {@link Mode#OFF never}, {@link Mode#MANUAL when
 * asked} ({@link SchemeInterpreter#jit()} then {@link SchemeInterpreter#link}, the seed's
 * protocol and the library's default), or {@link Mode#AUTOMATIC by itself}: a function
 * interpreted {@link #threshold()} times (calls, self tail calls and named-let iterations
 * alike) is hot; the guest writes a module of its hot functions in the middle of the
 * evaluation, a background compiler thread compiles it, and the interpreter links it at its
 * next poll or between evaluations. A function running when its code is linked finishes
 * interpreted; its next call runs compiled. In every mode {@link SchemeInterpreter#jit()} still
 * forces a round (it returns nothing when {@link Mode#OFF}).
 *
 * <p>Immutable; the {@code with...} methods return a changed copy.
 *
 * @param mode           off, manual or automatic
 * @param threshold      interpreted entries that make a function hot (automatic only), positive
 * @param compilerThreads background threads compiling rounds, shared by every interpreter
 *                        with the same count, positive
 * @param maxRoundBytes  the largest module one round hands over: a round of more hot functions
 *                       takes the oldest that fit and leaves the rest to the next one, positive
 */
public record Tiering(Mode mode, int threshold, int compilerThreads, int maxRoundBytes) {

    /** What an interpreter compiles without being asked. */
    public enum Mode {
        /** Nothing, ever: {@link SchemeInterpreter#jit()} returns nothing. */
        OFF,
        /** What {@link SchemeInterpreter#jit()} rounds compile, as the seed's protocol does. */
        MANUAL,
        /** Hot functions, compiled in the background and linked at safe points. */
        AUTOMATIC
    }

    /**
     * The default threshold: interpreted entries before a function is compiled. Low enough that
     * a single run of fib 30 or a benchmark's kernel is compiled within its first milliseconds
     * (an interpreted entry costs tens of nanoseconds), high enough that code run once at start
     * up is never compiled.
     */
    public static final int DEFAULT_THRESHOLD = 1000;

    /** The default number of compiler threads. */
    public static final int DEFAULT_COMPILER_THREADS = 1;

    /** The default bound on a round's module: 1 MiB. */
    public static final int DEFAULT_MAX_ROUND_BYTES = 1 << 20;

    /**
     * Checks the parts.
     *
     * @param mode            off, manual or automatic
     * @param threshold       interpreted entries that make a function hot
     * @param compilerThreads background compiler threads
     * @param maxRoundBytes   the largest module a round hands over
     */
    public Tiering {
        java.util.Objects.requireNonNull(mode, "mode");
        if (threshold <= 0 || compilerThreads <= 0 || maxRoundBytes <= 0) {
            throw new IllegalArgumentException("tiering's threshold, compiler threads and round bytes must be positive, were "
                    + threshold + ", " + compilerThreads + ", " + maxRoundBytes);
        }
    }

    /** @return no compilation at all */
    public static Tiering off() {
        return of(Mode.OFF);
    }

    /** @return compilation when asked, the library's default */
    public static Tiering manual() {
        return of(Mode.MANUAL);
    }

    /** @return automatic tiering with the default threshold, one compiler thread and 1 MiB rounds */
    public static Tiering automatic() {
        return of(Mode.AUTOMATIC);
    }

    /**
     * A mode with the default settings.
     *
     * @param mode the mode
     * @return the tiering
     */
    public static Tiering of(Mode mode) {
        return new Tiering(mode, DEFAULT_THRESHOLD, DEFAULT_COMPILER_THREADS, DEFAULT_MAX_ROUND_BYTES);
    }

    /**
     * The mode a command-line option names.
     *
     * @param name {@code off}, {@code manual} or {@code auto} (or {@code automatic})
     * @return that mode with the default settings
     * @throws IllegalArgumentException for any other name
     */
    public static Tiering parse(String name) {
        return switch (name) {
            case "off" -> off();
            case "manual" -> manual();
            case "auto", "automatic" -> automatic();
            default -> throw new IllegalArgumentException("tiering must be off, manual or auto, was " + name);
        };
    }

    /**
     * A copy with this threshold.
     *
     * @param calls the new value, positive
     * @return the copy
     */
    public Tiering withThreshold(int calls) {
        return new Tiering(mode, calls, compilerThreads, maxRoundBytes);
    }

    /**
     * A copy with this many compiler threads.
     *
     * @param threads the new value, positive
     * @return the copy
     */
    public Tiering withCompilerThreads(int threads) {
        return new Tiering(mode, threshold, threads, maxRoundBytes);
    }

    /**
     * A copy with this bound on a round's module.
     *
     * @param bytes the new value, positive
     * @return the copy
     */
    public Tiering withMaxRoundBytes(int bytes) {
        return new Tiering(mode, threshold, compilerThreads, bytes);
    }

    /** @return whether the interpreter tiers by itself */
    public boolean isAutomatic() {
        return mode == Mode.AUTOMATIC;
    }
}
