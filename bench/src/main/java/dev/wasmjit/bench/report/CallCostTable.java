package dev.wasmjit.bench.report;

import dev.wasmjit.bench.CallCost;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The per-call cost, measured in this JVM with the calls of {@link CallCost} (the ones the JMH
 * benchmark {@code CallCostBenchmark} times): after as many warm-up calls as a batch has, the
 * median over batches of the time per call, the four kinds of call interleaved batch by batch
 * so that a burst of load on the machine falls on all of them alike.
 *
 * @param trivialEvalMicros      {@code SchemeInterpreter.eval} of {@code (+ 1 2)}
 * @param bridgeExportMicros     the bridge's call of the guest's {@code stackPointer} export
 * @param rawFuncCallMicros      wasmtime-java's {@code Func.call} of an {@code i32.add} export
 * @param rawTypedCallMicros     wasmtime-java's typed call of the same export
 */
record CallCostTable(double trivialEvalMicros, double bridgeExportMicros, double rawFuncCallMicros,
                     double rawTypedCallMicros) {

    /** The binding's cheapest call of a trivial export: the cheaper of its two ways. */
    double cheapestRawMicros() {
        return Math.min(rawFuncCallMicros, rawTypedCallMicros);
    }

    /** How many of the binding's cheapest calls one trivial evaluation costs. */
    double evalOverRaw() {
        return trivialEvalMicros / cheapestRawMicros();
    }

    static CallCostTable measure(ReportOptions options) {
        try (CallCost calls = new CallCost()) {
            List<IntSupplier> kinds = List.of(calls::trivialEval, calls::bridgeExportCall, calls::rawFuncCall,
                    calls::rawTypedCall);
            List<List<Double>> samples = new ArrayList<>();
            for (IntSupplier kind : kinds) {
                batch(kind, options.callsPerBatch());
                samples.add(new ArrayList<>());
            }
            for (int b = 0; b < options.callCostBatches(); b++) {
                for (int k = 0; k < kinds.size(); k++) {
                    samples.get(k).add(batch(kinds.get(k), options.callsPerBatch()));
                }
            }
            return new CallCostTable(median(samples.get(0)), median(samples.get(1)), median(samples.get(2)),
                    median(samples.get(3)));
        }
    }

    /** Microseconds per call over one batch. */
    private static double batch(IntSupplier call, int calls) {
        int sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += call.getAsInt();
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            // never true in practice; keeps the calls' results alive
            System.out.print("");
        }
        return elapsed / 1e3 / calls;
    }

    private static double median(List<Double> samples) {
        return Timing.median(samples).orElseThrow();
    }
}
