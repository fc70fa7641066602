package dev.wasmjit.bench.report;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What one runtime measured for one program: the median over the protocol's rounds of N
 * evaluations interpreted, the JIT round, and N evaluations compiled. A runtime without an
 * interpreter (Guile, Chez) or without a JIT (the native build) leaves that part empty.
 *
 * @param interpretedMs N evaluations, interpreted
 * @param roundMs       one JIT round
 * @param compiledMs    N evaluations of compiled code
 */
record Timing(OptionalDouble interpretedMs, OptionalDouble roundMs, OptionalDouble compiledMs) {

    static Timing interpreterAndJit(List<Double> interpreted, List<Double> round, List<Double> compiled) {
        return new Timing(median(interpreted), median(round), median(compiled));
    }

    static Timing interpreterOnly(List<Double> interpreted) {
        return new Timing(median(interpreted), OptionalDouble.empty(), OptionalDouble.empty());
    }

    static Timing compiledOnly(List<Double> compiled) {
        return new Timing(OptionalDouble.empty(), OptionalDouble.empty(), median(compiled));
    }

    /** Interpreted time over compiled time: what the JIT buys. */
    OptionalDouble speedup() {
        if (interpretedMs.isEmpty() || compiledMs.isEmpty() || compiledMs.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(interpretedMs.getAsDouble() / compiledMs.getAsDouble());
    }

    static OptionalDouble median(List<Double> samples) {
        if (samples.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
    }
}
