package dev.wasmjit.bench;

import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.JitModule;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.SchemeValue;
import dev.wasmjit.scheme.Tiering;
import dev.wasmjit.scheme.TieringStats;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The tiering benchmark: a program run once in a fresh interpreter, which is how
 * {@code wasmjit run prog.scm} runs it, timed three ways. Off: interpreted from start to end.
 * Automatic: the interpreter compiles hot functions in the background and links them while
 * the program runs. Manual after warm-up: the best case, the program evaluated once to warm
 * up, one JIT round of everything that ran, and the evaluation timed is the next one, all
 * compiled. Every result is checked.
 *
 * <p>Only the evaluation is timed: instantiating the guest and parsing the program cost the
 * same for the three ways.
 */
public final class SingleRun {

    /** How often the watcher of an automatic run reads the statistics: the resolution of "steady". */
    private static final long WATCH_NANOS = 200_000;

    /** The three ways of running a program once. */
    public enum Way {
        /** Interpreted from start to end. */
        OFF("off"),
        /** Hot functions compile in the background and link while the program runs. */
        AUTOMATIC("automatic"),
        /** The best case: a warm-up evaluation, one JIT round, then the timed evaluation runs compiled. */
        MANUAL_AFTER_WARM_UP("manual after warm-up");

        private final String label;

        Way(String label) {
            this.label = label;
        }

        /**
         * A name for tables and plots.
         *
         * @return for example {@code manual after warm-up}
         */
        public String label() {
            return label;
        }
    }

    /**
     * What one run measured.
     *
     * @param value          what the evaluation gave
     * @param evalNanos      the evaluation's wall-clock time
     * @param firstLinkNanos automatic only: from the evaluation's start until the first round linked
     * @param lastLinkNanos  automatic only: from the evaluation's start until the last round linked,
     *                       when the compiled code of every function that became hot had taken over
     *                       (within {@value #WATCH_NANOS} ns); empty if no round linked during the run
     * @param stats          automatic only: what tiering did; {@link TieringStats#NONE} otherwise
     */
    public record Result(SchemeValue value, long evalNanos, OptionalLong firstLinkNanos, OptionalLong lastLinkNanos,
                         TieringStats stats) {
    }

    private SingleRun() {
    }

    /**
     * Runs a program once, one way, in a fresh interpreter, and checks its result.
     *
     * @param guest     the guest to instantiate
     * @param program   the program
     * @param way       how
     * @param heapBytes the heap of each evaluation
     * @return the times
     * @throws IllegalStateException if the program gives another result than its expected one
     */
    public static Result run(Guest guest, Program program, Way way, int heapBytes) {
        Result result = run(guest, "", program.source(), way, heapBytes);
        if (!result.value().toString().equals(program.expected())) {
            throw new IllegalStateException(program.name() + " gave " + result.value() + " (" + way.label()
                    + "), expected " + program.expected());
        }
        return result;
    }

    /**
     * Runs a program's definitions untimed, then its main expression once, one way, in a
     * fresh interpreter. Manual after warm-up evaluates a warm-up expression first instead of
     * the main one (a smaller problem of the same code), then links one JIT round.
     *
     * @param guest       the guest to instantiate
     * @param definitions what the main expression needs, evaluated first and not timed (may be empty)
     * @param main        the expression timed
     * @param way         how
     * @param heapBytes   the heap of each evaluation
     * @return the times; the value is unchecked
     */
    public static Result run(Guest guest, String definitions, String main, Way way, int heapBytes) {
        return run(guest, definitions, main, main, way, heapBytes);
    }

    /**
     * As {@link #run(Guest, String, String, Way, int)}, with a warm-up expression of its own.
     *
     * @param guest       the guest to instantiate
     * @param definitions evaluated first, not timed (may be empty)
     * @param warmUp      what manual after warm-up evaluates before its JIT round
     * @param main        the expression timed
     * @param way         how
     * @param heapBytes   the heap of each evaluation
     * @return the times; the value is unchecked
     */
    public static Result run(Guest guest, String definitions, String warmUp, String main, Way way, int heapBytes) {
        Tiering tiering = switch (way) {
            case OFF -> Tiering.off();
            case AUTOMATIC -> Tiering.automatic();
            case MANUAL_AFTER_WARM_UP -> Tiering.manual();
        };
        try (SchemeInterpreter scheme = guest.open(heapBytes, tiering)) {
            if (!definitions.isBlank()) {
                scheme.eval(scheme.parse(definitions));
            }
            Expression expression = scheme.parse(main);
            if (way == Way.MANUAL_AFTER_WARM_UP) {
                scheme.eval(warmUp.equals(main) ? expression : scheme.parse(warmUp));
                Optional<JitModule> module = scheme.jit();
                module.ifPresent(scheme::link);
            }
            return way == Way.AUTOMATIC ? watched(scheme, expression) : timed(scheme, expression);
        }
    }

    private static Result timed(SchemeInterpreter scheme, Expression expression) {
        long start = System.nanoTime();
        SchemeValue value = scheme.eval(expression);
        return new Result(value, System.nanoTime() - start, OptionalLong.empty(), OptionalLong.empty(),
                scheme.tieringStats());
    }

    /**
     * Times an evaluation while another thread reads the statistics (without entering the
     * instance) and notes when the count of linked rounds changes.
     */
    private static Result watched(SchemeInterpreter scheme, Expression expression) {
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong firstLink = new AtomicLong(-1);
        AtomicLong lastLink = new AtomicLong(-1);
        long start = System.nanoTime();
        Thread watcher = new Thread(() -> {
            int seen = 0;
            while (!done.get()) {
                int rounds = scheme.tieringStats().rounds();
                if (rounds != seen) {
                    long at = System.nanoTime() - start;
                    firstLink.compareAndSet(-1, at);
                    lastLink.set(at);
                    seen = rounds;
                }
                LockSupport.parkNanos(WATCH_NANOS);
            }
        }, "wasmjit-bench-tiering-watcher");
        watcher.setDaemon(true);
        watcher.start();
        SchemeValue value;
        long evalNanos;
        try {
            value = scheme.eval(expression);
            evalNanos = System.nanoTime() - start;
        } finally {
            done.set(true);
        }
        try {
            watcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the tiering watcher stopped", e);
        }
        return new Result(value, evalNanos, present(firstLink.get()), present(lastLink.get()), scheme.tieringStats());
    }

    private static OptionalLong present(long nanos) {
        return nanos < 0 ? OptionalLong.empty() : OptionalLong.of(nanos);
    }
}
