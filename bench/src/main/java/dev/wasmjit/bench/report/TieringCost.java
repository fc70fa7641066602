package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Guest;
import dev.wasmjit.bench.Program;
import dev.wasmjit.bench.SingleRun;
import dev.wasmjit.bench.SingleRun.Way;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One program run once, each way of {@link SingleRun}: the medians over the protocol's
 * samples, the three ways interleaved in each sample so that they share the machine's state.
 *
 * @param program         the program's name
 * @param offMs           tiering off: the run interpreted from start to end
 * @param automaticMs     automatic tiering
 * @param manualMs        manual after warm-up: the best case
 * @param steadyMs        automatic: from the start until the last round linked (median of the
 *                        samples where one linked during the run); empty if none did
 * @param rounds          automatic: rounds linked (median)
 * @param functions       automatic: functions compiled (median)
 * @param compileMs       automatic: time compiling on the background thread (median)
 * @param linkMs          automatic: time linking on the guest thread (median)
 * @param waitMs          automatic: time the guest thread spent in the tiering imports besides linking (median)
 * @param typicalWaitMs   automatic: a run's longest single stay in an import (median over the samples)
 * @param longestWaitMs   automatic: the longest single stay in an import, over every sample
 */
record TieringCost(String program, double offMs, double automaticMs, double manualMs, OptionalDouble steadyMs,
                   double rounds, double functions, double compileMs, double linkMs, double waitMs,
                   double typicalWaitMs, double longestWaitMs) {

    /** What automatic tiering buys over interpreting. */
    double offOverAutomatic() {
        return offMs / automaticMs;
    }

    /** How far automatic tiering stays from the best case. */
    double automaticOverManual() {
        return automaticMs / manualMs;
    }

    /**
     * Measures every program.
     *
     * @param guest    the guest
     * @param programs the programs, each run once per way and sample
     * @param options  samples and heap
     * @param progress where to say which program runs
     * @return one row per program, in order
     */
    static List<TieringCost> measure(Guest guest, List<Program> programs, ReportOptions options, PrintStream progress) {
        warmUp(guest, options);
        List<TieringCost> rows = new ArrayList<>();
        for (Program program : programs) {
            progress.println("report: tiering, " + program.name());
            List<Double> off = new ArrayList<>();
            List<Double> manual = new ArrayList<>();
            List<SingleRun.Result> automatic = new ArrayList<>();
            for (int i = 0; i < options.tieringSamples(); i++) {
                off.add(SingleRun.run(guest, program, Way.OFF, options.heapBytes()).evalNanos() / 1e6);
                automatic.add(SingleRun.run(guest, program, Way.AUTOMATIC, options.heapBytes()));
                manual.add(SingleRun.run(guest, program, Way.MANUAL_AFTER_WARM_UP, options.heapBytes()).evalNanos() / 1e6);
            }
            rows.add(new TieringCost(program.name(), median(off), median(automatic.stream().map(r -> r.evalNanos() / 1e6).toList()),
                    median(manual),
                    Timing.median(automatic.stream().map(SingleRun.Result::lastLinkNanos).filter(OptionalLong::isPresent)
                            .map(n -> n.getAsLong() / 1e6).toList()),
                    median(automatic.stream().map(r -> (double) r.stats().rounds()).toList()),
                    median(automatic.stream().map(r -> (double) r.stats().functionsCompiled()).toList()),
                    median(automatic.stream().map(r -> r.stats().compileTime().toNanos() / 1e6).toList()),
                    median(automatic.stream().map(r -> r.stats().linkTime().toNanos() / 1e6).toList()),
                    median(automatic.stream().map(r -> r.stats().waitTime().toNanos() / 1e6).toList()),
                    median(automatic.stream().map(r -> r.stats().longestWait().toNanos() / 1e6).toList()),
                    automatic.stream().mapToDouble(r -> r.stats().longestWait().toNanos() / 1e6).max().orElse(0)));
        }
        return rows;
    }

    /**
     * The JVM's first automatic round loads classes and runs the handlers' first calls (tens of
     * milliseconds): a run of each way before measuring keeps that out of the first program's row.
     */
    static void warmUp(Guest guest, ReportOptions options) {
        Program small = Program.fib(25); // long enough that its round links within the run
        for (Way way : Way.values()) {
            SingleRun.run(guest, small, way, options.heapBytes());
        }
    }

    private static double median(List<Double> samples) {
        return Timing.median(samples).orElseThrow();
    }
}
