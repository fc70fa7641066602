package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Guest;
import dev.wasmjit.bench.Program;
import dev.wasmjit.bench.SeedProtocol;
import dev.wasmjit.scheme.SchemeInterpreter;

import java.util.ArrayList;
import java.util.List;

/**
 * How the JIT's gain grows with the work: the seed's protocol for fib(N), N from 20 to 30,
 * on wasmtime, one round each.
 *
 * @param n             the argument
 * @param interpretedMs N evaluations interpreted
 * @param compiledMs    N evaluations after linking
 */
record FibGrowth(int n, double interpretedMs, double compiledMs) {

    double speedup() {
        return interpretedMs / compiledMs;
    }

    static List<FibGrowth> measure(Guest guest, ReportOptions options) {
        List<FibGrowth> rows = new ArrayList<>();
        try (SchemeInterpreter scheme = guest.open()) {
            for (int n : options.fibGrowth()) {
                SeedProtocol.Times times = SeedProtocol.run(scheme, Program.fib(n), options.evals());
                rows.add(new FibGrowth(n, times.interpretedNanos() / 1e6, times.compiledNanos() / 1e6));
            }
        }
        return rows;
    }
}
