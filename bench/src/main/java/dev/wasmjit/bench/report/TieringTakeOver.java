package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Guest;
import dev.wasmjit.bench.SingleRun;
import dev.wasmjit.bench.SingleRun.Way;
import dev.wasmjit.scheme.SchemeValue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Where compiled code takes over in a long loop run once: the loop times each of its
 * iterations itself (the guest's {@code current-jiffy}, microseconds), each iteration the same
 * work, and returns the list. Run each way of {@link SingleRun}; with automatic tiering the
 * first iterations run interpreted, and the iterations after the round linked run as fast as
 * manual-after-warm-up's.
 *
 * @param iterationMs    each way's time per iteration, in order
 * @param firstLinkMs    automatic: from the start until the first round linked, as a watcher
 *                       thread saw it (late by its polling interval or more on a loaded machine,
 *                       so it is not mapped to an iteration: at compiled speed a millisecond is
 *                       several iterations)
 * @param steadyIndex    automatic: the first of {@value #STEADY_RUN} iterations in a row within
 *                       {@value #STEADY_FACTOR}× of manual-after-warm-up's median (in a row, so
 *                       that one fast iteration, or one slowed by a collection, does not decide)
 * @param work           the work of one iteration, e.g. {@code (work 18)}
 */
record TieringTakeOver(Map<Way, List<Double>> iterationMs, OptionalLong firstLinkMs, OptionalInt steadyIndex,
                       String work) {

    /** An iteration this close to the best case's median runs compiled code. */
    static final double STEADY_FACTOR = 1.5;
    static final int STEADY_RUN = 5;

    /** A doubly recursive function, hot from the first iteration, and the loop that times it. */
    private static final String DEFINITIONS = """
            (define (work n) (if (< n 2) n (+ (work (- n 1)) (work (- n 2)))))
            (define (timed-iterations count size)
              (let loop ((i 0) (before (current-jiffy)) (times '()))
                (if (= i count)
                    (reverse times)
                    (begin
                      (work size)
                      (let ((after (current-jiffy)))
                        (loop (+ i 1) after (cons (- after before) times)))))))
            """;

    /**
     * Runs the loop each way.
     *
     * @param guest   the guest
     * @param options the loop's length and its iterations' work
     * @return the per-iteration times
     */
    static TieringTakeOver measure(Guest guest, ReportOptions options) {
        int count = options.takeOverIterations();
        int size = options.takeOverWork();
        String main = "(timed-iterations " + count + " " + size + ")";
        String warmUp = "(timed-iterations 2 " + size + ")";
        Map<Way, List<Double>> times = new EnumMap<>(Way.class);
        OptionalLong firstLinkNanos = OptionalLong.empty();
        for (Way way : Way.values()) {
            SingleRun.Result result = SingleRun.run(guest, DEFINITIONS, warmUp, main, way, options.heapBytes());
            times.put(way, micros(result.value(), count));
            if (way == Way.AUTOMATIC) {
                firstLinkNanos = result.firstLinkNanos();
            }
        }
        double best = Timing.median(times.get(Way.MANUAL_AFTER_WARM_UP)).orElseThrow();
        return new TieringTakeOver(times, firstLinkNanos.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(Math.round(firstLinkNanos.getAsLong() / 1e6)),
                steadyFrom(times.get(Way.AUTOMATIC), best * STEADY_FACTOR), "(work " + size + ")");
    }

    /** The time from the start until the end of iteration {@code index} (0-based). */
    double elapsedMs(Way way, int index) {
        return iterationMs.get(way).subList(0, index + 1).stream().mapToDouble(Double::doubleValue).sum();
    }

    double medianMs(Way way) {
        return Timing.median(iterationMs.get(way)).orElseThrow();
    }

    double totalMs(Way way) {
        return iterationMs.get(way).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The loop's value: a list of microsecond counts, one per iteration. */
    private static List<Double> micros(SchemeValue value, int count) {
        String text = value.toString();
        if (!text.startsWith("(") || !text.endsWith(")")) {
            throw new IllegalStateException("the timed loop gave " + text + ", expected a list of " + count + " times");
        }
        List<Double> ms = new ArrayList<>();
        for (String item : text.substring(1, text.length() - 1).trim().split("\\s+")) {
            ms.add(Long.parseLong(item) / 1000.0);
        }
        if (ms.size() != count) {
            throw new IllegalStateException("the timed loop gave " + ms.size() + " times, expected " + count);
        }
        return ms;
    }

    private static OptionalInt steadyFrom(List<Double> iterationMs, double boundMs) {
        int inARow = 0;
        for (int i = 0; i < iterationMs.size(); i++) {
            inARow = iterationMs.get(i) <= boundMs ? inARow + 1 : 0;
            if (inARow == Math.min(STEADY_RUN, iterationMs.size())) {
                return OptionalInt.of(i - inARow + 1);
            }
        }
        return OptionalInt.empty();
    }
}
