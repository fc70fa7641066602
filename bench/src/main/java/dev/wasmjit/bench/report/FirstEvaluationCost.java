package dev.wasmjit.bench.report;

import dev.wasmjit.bench.FirstEvaluation;
import dev.wasmjit.bench.Guest;
import dev.wasmjit.bench.Program;
import dev.wasmjit.bench.StaticSnapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Static late linking against dynamic, for one program: the median time of the first
 * evaluation in a fresh instance of its statically linked {@code out.wasm} (the snapshotted
 * handle, no {@code jitModule} call), in a fresh instance right after its dynamic JIT link,
 * and interpreted in a fresh instance; and the second evaluation in the out.wasm instance,
 * which tells a cost of a fresh instance's first evaluation from the code's speed. The
 * three ways take turns within each round, so that a busy moment on the machine does not
 * fall on one of them only.
 *
 * @param program        the program's name
 * @param moduleBytes    the size of its out.wasm
 * @param staticMs       first evaluation in out.wasm
 * @param staticSecondMs second evaluation in the same out.wasm instance
 * @param liveMs         first evaluation after the dynamic JIT link
 * @param interpretedMs  first evaluation, interpreted
 */
record FirstEvaluationCost(String program, int moduleBytes, double staticMs, double staticSecondMs, double liveMs,
                           double interpretedMs) {

    /** Static first evaluation over live linked first evaluation: 1 means as fast. */
    double staticOverLive() {
        return staticMs / liveMs;
    }

    static List<FirstEvaluationCost> measure(Guest guest, List<Program> programs, ReportOptions options) {
        List<FirstEvaluationCost> rows = new ArrayList<>();
        for (Program program : programs) {
            StaticSnapshot snapshot = StaticSnapshot.take(guest, program);
            List<Double> staticMs = new ArrayList<>();
            List<Double> staticSecondMs = new ArrayList<>();
            List<Double> liveMs = new ArrayList<>();
            List<Double> interpretedMs = new ArrayList<>();
            for (int i = 0; i < options.warmupRounds() + options.firstEvaluationSamples(); i++) {
                double[] s = firstAndSecondMs(FirstEvaluation.staticallyLinked(snapshot));
                double l = firstMs(FirstEvaluation.afterLiveLink(guest, program));
                double n = firstMs(FirstEvaluation.interpreted(guest, program));
                if (i >= options.warmupRounds()) {
                    staticMs.add(s[0]);
                    staticSecondMs.add(s[1]);
                    liveMs.add(l);
                    interpretedMs.add(n);
                }
            }
            rows.add(new FirstEvaluationCost(program.name(), snapshot.moduleBytes(),
                    Timing.median(staticMs).orElseThrow(), Timing.median(staticSecondMs).orElseThrow(),
                    Timing.median(liveMs).orElseThrow(), Timing.median(interpretedMs).orElseThrow()));
        }
        return rows;
    }

    private static double[] firstAndSecondMs(FirstEvaluation prepared) {
        try (FirstEvaluation first = prepared) {
            return new double[] {first.evaluate() / 1e6, first.evaluate() / 1e6};
        }
    }

    private static double firstMs(FirstEvaluation prepared) {
        try (FirstEvaluation first = prepared) {
            return first.evaluate() / 1e6;
        }
    }
}
