package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Guest;
import dev.wasmjit.bench.Program;
import dev.wasmjit.bench.RoundPhases;
import dev.wasmjit.scheme.SchemeInterpreter;

import java.util.ArrayList;
import java.util.List;

/**
 * How much one JIT round costs, phase by phase, for fib (one function) and for generated
 * programs of 10, 100, 1000 functions: the median of several rounds on one instance.
 *
 * @param program     the program's name
 * @param functions   functions compiled in the round
 * @param moduleBytes the generated module's size
 * @param generateMs  the guest's {@code jitModule}
 * @param compileMs   wasmtime compiling the generated module
 * @param linkMs      instantiation with the patch
 */
record RoundCost(String program, int functions, int moduleBytes, double generateMs, double compileMs,
                 double linkMs) {

    double totalMs() {
        return generateMs + compileMs + linkMs;
    }

    static List<RoundCost> measure(Guest guest, ReportOptions options) {
        List<Program> programs = new ArrayList<>();
        programs.add(Program.fib(20));
        options.functionCounts().forEach(count -> programs.add(Program.withFunctions(count)));
        List<RoundCost> rows = new ArrayList<>();
        try (SchemeInterpreter scheme = guest.open()) {
            for (Program program : programs) {
                List<RoundPhases> samples = new ArrayList<>();
                for (int i = 0; i < options.warmupRounds() + options.roundCostSamples(); i++) {
                    RoundPhases phases = WasmtimeRunner.oneRound(scheme, program);
                    if (i >= options.warmupRounds()) {
                        samples.add(phases);
                    }
                }
                RoundPhases first = samples.get(0);
                rows.add(new RoundCost(program.name(), first.compiledFunctions(), first.moduleBytes(),
                        medianMs(samples, RoundPhases::generateNanos),
                        medianMs(samples, RoundPhases::compileNanos),
                        medianMs(samples, RoundPhases::linkNanos)));
            }
        }
        return rows;
    }

    private static double medianMs(List<RoundPhases> samples, java.util.function.ToLongFunction<RoundPhases> phase) {
        return Timing.median(samples.stream().map(s -> phase.applyAsLong(s) / 1e6).toList()).orElseThrow();
    }
}
