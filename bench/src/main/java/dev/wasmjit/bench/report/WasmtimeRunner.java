package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Guest;
import dev.wasmjit.bench.Program;
import dev.wasmjit.bench.RoundPhases;
import dev.wasmjit.bench.SeedProtocol;
import dev.wasmjit.scheme.SchemeInterpreter;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the seed's protocol in this JVM on wasmtime: for each program, warm-up and measured
 * rounds of N evaluations interpreted, one JIT round, N evaluations compiled, all on one
 * instance (each round parses the program anew, so its functions start uncompiled).
 */
final class WasmtimeRunner {

    private static final double NANOS_PER_MS = 1e6;

    private WasmtimeRunner() {
    }

    /**
     * Measures every program on one instance of the guest.
     *
     * @throws IllegalStateException if a program gives a wrong result or fails
     */
    static void measure(Guest guest, SchemeRuntime column, List<Program> programs, ReportOptions options,
                        Measurements measurements) {
        measurements.version(column, guest.name() + ", sha256 " + guest.sha256());
        try (SchemeInterpreter scheme = guest.open(options.heapBytes())) {
            for (Program program : programs) {
                measurements.record(column, program.name(), measure(scheme, program, options));
            }
        }
    }

    /**
     * Measures the programs a build can run, each on a fresh instance: a program that fails or
     * gives a wrong result costs its row, noted in the report, not the column. For the
     * straightforward JIT, measured on the programs it can compile.
     */
    static void measureWhatRuns(Guest guest, SchemeRuntime column, List<Program> programs, ReportOptions options,
                                Measurements measurements) {
        measurements.version(column, guest.name() + ", sha256 " + guest.sha256());
        for (Program program : programs) {
            try (SchemeInterpreter scheme = guest.open(options.heapBytes())) {
                measurements.record(column, program.name(), measure(scheme, program, options));
            } catch (RuntimeException e) {
                measurements.failed(column, program.name(), e.getMessage() == null ? e.toString()
                        : e.getMessage().lines().findFirst().orElse(e.toString()));
            }
        }
    }

    private static Timing measure(SchemeInterpreter scheme, Program program, ReportOptions options) {
        List<Double> interpreted = new ArrayList<>();
        List<Double> round = new ArrayList<>();
        List<Double> compiled = new ArrayList<>();
        for (int i = 0; i < options.warmupRounds() + options.rounds(); i++) {
            SeedProtocol.Times times = SeedProtocol.run(scheme, program, options.evals());
            if (i >= options.warmupRounds()) {
                interpreted.add(times.interpretedNanos() / NANOS_PER_MS);
                times.round().ifPresent(phases -> round.add(phases.totalNanos() / NANOS_PER_MS));
                compiled.add(times.compiledNanos() / NANOS_PER_MS);
            }
        }
        return Timing.interpreterAndJit(interpreted, round, compiled);
    }

    /** One JIT round's phases for a program: run it once, then time generate/compile/link. */
    static RoundPhases oneRound(SchemeInterpreter scheme, Program program) {
        SeedProtocol.evalTimes(scheme, scheme.parse(program.source()), program, 1);
        return RoundPhases.measure(scheme).orElseThrow(() -> new IllegalStateException(
                "no function of " + program.name() + " waited for the JIT after it ran"));
    }
}
