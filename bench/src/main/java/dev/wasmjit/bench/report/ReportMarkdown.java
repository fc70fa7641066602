package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Guest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Writes report.md: where it ran, the targets, and the tables, all from one run. */
final class ReportMarkdown {

    private static final String NONE = "–";

    private final StringBuilder out = new StringBuilder();
    private final ReportOptions options;
    private final Measurements measurements;

    private ReportMarkdown(ReportOptions options, Measurements measurements) {
        this.options = options;
        this.measurements = measurements;
    }

    static String write(Machine machine, Guest guest, Optional<Guest> baseline, ReportOptions options,
                        Measurements measurements, List<String> programs, List<RoundCost> roundCost,
                        List<FibGrowth> growth, List<FirstEvaluationCost> firstEvaluations,
                        List<InstantiationCost> instantiation) {
        ReportMarkdown report = new ReportMarkdown(options, measurements);
        report.header(machine, guest, baseline);
        report.targets(programs.get(0), roundCost);
        report.programs(programs);
        report.roundCost(roundCost);
        report.growth(growth);
        report.staticLinking(firstEvaluations, instantiation);
        report.reproduce();
        return report.out.toString();
    }

    private void header(Machine machine, Guest guest, Optional<Guest> baseline) {
        line("# wasmjit benchmark report" + (options.quick() ? " (quick protocol: not for comparison)" : ""));
        line();
        line("- Date: " + machine.date());
        line("- Machine: " + machine.cpu() + ", " + machine.cores() + " cores, " + machine.memory() + " memory");
        line("- OS: " + machine.os());
        line("- JVM: " + machine.jvm());
        line("- Runtime: " + machine.wasmtimeJava());
        line("- Guest: " + guest.name() + ", sha256 `" + guest.sha256() + "`");
        line("- Baseline JIT: " + baseline.map(b -> b.name() + ", sha256 `" + b.sha256() + "`")
                .orElse("absent (no " + ReportOptions.BASELINE_WASM + ")"));
        for (Runtime runtime : List.of(Runtime.NODE, Runtime.NATIVE, Runtime.GUILE, Runtime.CHEZ)) {
            line("- " + runtime.label() + ": " + measurements.version(runtime)
                    .filter(v -> measurements.measured(runtime))
                    .orElse("not measured: " + measurements.whyAbsent(runtime).orElse("unknown")));
        }
        line();
        line("Protocol (the seed's, repeated): parse, " + options.evals() + " evaluations interpreted, one JIT round"
                + " (generate, compile, link), " + options.evals() + " evaluations of the same expression on the same"
                + " instance after linking. " + options.warmupRounds() + " warm-up and " + options.rounds()
                + " measured rounds per program and runtime, one instance each, the program parsed anew each round;"
                + " times are medians in milliseconds, all measured in this run. Guile and Chez compile the same"
                + " program text as the body of a procedure and time " + options.evals()
                + " calls of it with their own clock; the native build is timed as a process, start-up subtracted.");
        line();
    }

    private void targets(String headline, List<RoundCost> roundCost) {
        Optional<Timing> wasmtime = measurements.timing(Runtime.WASMTIME, headline);
        Optional<Timing> baseline = measurements.timing(Runtime.WASMTIME_BASELINE, headline);
        Optional<Timing> guile = measurements.timing(Runtime.GUILE, headline);
        line("## Targets: " + headline + ", " + options.evals() + " evaluations");
        line();
        line("| target | measured | met |");
        line("|---|---|---|");
        OptionalDouble speedup = wasmtime.map(Timing::speedup).orElse(OptionalDouble.empty());
        target("issue 6: interpreted / JIT on wasmtime ≥ 1.8×", speedup, 1.8, true, "×");
        target("issue 8: interpreted / JIT on wasmtime ≥ 10×", speedup, 10, true, "×");
        target("issue 8: baseline JIT / JIT ≥ 6×", ratio(baseline.map(Timing::compiledMs), wasmtime.map(Timing::compiledMs)),
                6, true, "×");
        target("issue 8: JIT / Guile ≤ 3×", ratio(wasmtime.map(Timing::compiledMs), guile.map(Timing::compiledMs)),
                3, false, "×");
        Optional<RoundCost> fibRound = roundCost.stream().filter(r -> r.program().startsWith("fib(")).findFirst();
        target("issue 8: one JIT round for fib < 5 ms", fibRound.map(r -> OptionalDouble.of(r.totalMs()))
                .orElse(OptionalDouble.empty()), 5, false, " ms");
        line();
        line("Per evaluation of " + headline + ": " + perEvaluation(headline));
        line();
    }

    private String perEvaluation(String program) {
        List<String> parts = new ArrayList<>();
        for (Runtime runtime : Runtime.values()) {
            measurements.timing(runtime, program).ifPresent(t -> {
                t.interpretedMs().ifPresent(ms -> parts.add(runtime.label() + " interpreted " + ms(ms / options.evals()) + " ms"));
                t.compiledMs().ifPresent(ms -> parts.add(runtime.label()
                        + (runtime == Runtime.GUILE || runtime == Runtime.CHEZ ? "" : " JIT") + " " + ms(ms / options.evals()) + " ms"));
            });
        }
        return String.join("; ", parts) + ".";
    }

    private void target(String what, OptionalDouble measured, double bound, boolean atLeast, String unit) {
        if (measured.isEmpty()) {
            line("| " + what + " | not measured (runtime absent) | " + NONE + " |");
            return;
        }
        double value = measured.getAsDouble();
        boolean met = atLeast ? value >= bound : value <= bound;
        line("| " + what + " | " + ratio(value) + unit + " | " + (met ? "yes" : "no") + " |");
    }

    private void programs(List<String> programs) {
        boolean baseline = measurements.measured(Runtime.WASMTIME_BASELINE);
        line("## Programs: " + options.evals() + " evaluations each (ms)");
        line();
        StringBuilder head = new StringBuilder("| program | wasmtime interpreted | wasmtime JIT | speed-up | JIT round |");
        StringBuilder rule = new StringBuilder("|---|--:|--:|--:|--:|");
        if (baseline) {
            head.append(" baseline JIT | JIT vs baseline |");
            rule.append("--:|--:|");
        }
        head.append(" V8 interpreted | V8 JIT | V8 speed-up | wasmtime JIT / V8 JIT | native interpreted | Guile | Chez | wasmtime JIT / Guile | wasmtime JIT / Chez |");
        rule.append("--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        line(head.toString());
        line(rule.toString());
        for (String program : programs) {
            Timing w = timing(Runtime.WASMTIME, program);
            Timing b = timing(Runtime.WASMTIME_BASELINE, program);
            Timing v8 = timing(Runtime.NODE, program);
            Timing guile = timing(Runtime.GUILE, program);
            Timing chez = timing(Runtime.CHEZ, program);
            StringBuilder row = new StringBuilder("| " + program + " | " + ms(w.interpretedMs()) + " | "
                    + ms(w.compiledMs()) + " | " + ratio(w.speedup()) + " | " + ms(w.roundMs()) + " |");
            if (baseline) {
                row.append(" ").append(ms(b.compiledMs())).append(" | ")
                        .append(ratio(ratio(b.compiledMs(), w.compiledMs()))).append(" |");
            }
            row.append(" ").append(ms(v8.interpretedMs())).append(" | ").append(ms(v8.compiledMs())).append(" | ")
                    .append(ratio(v8.speedup())).append(" | ").append(ratio(ratio(w.compiledMs(), v8.compiledMs())))
                    .append(" | ").append(ms(timing(Runtime.NATIVE, program).interpretedMs())).append(" | ")
                    .append(ms(guile.compiledMs())).append(" | ").append(ms(chez.compiledMs())).append(" | ")
                    .append(ratio(ratio(w.compiledMs(), guile.compiledMs()))).append(" | ")
                    .append(ratio(ratio(w.compiledMs(), chez.compiledMs()))).append(" |");
            line(row.toString());
        }
        line();
        line("Speed-up = interpreted / JIT on the same runtime; A / B = how many times longer A takes than B."
                + " A dash: not measured (see above).");
        line();
        line("![interpreted vs JIT per program](" + Plots.PROGRAMS + ")");
        line();
    }

    private void roundCost(List<RoundCost> rows) {
        line("## One JIT round on wasmtime, phase by phase (ms, median of " + options.roundCostSamples() + ")");
        line();
        line("| program | functions compiled | module bytes | generate (jitModule) | wasmtime compile | instantiate + patch | whole round | per function |");
        line("|---|--:|--:|--:|--:|--:|--:|--:|");
        for (RoundCost row : rows) {
            line("| " + row.program() + " | " + row.functions() + " | " + row.moduleBytes() + " | " + ms(row.generateMs())
                    + " | " + ms(row.compileMs()) + " | " + ms(row.linkMs()) + " | " + ms(row.totalMs()) + " | "
                    + (row.functions() > 0 ? ms(row.totalMs() / row.functions()) : NONE) + " |");
        }
        line();
        line("![JIT round cost vs functions](" + Plots.ROUND_COST + ")");
        line();
    }

    private void growth(List<FibGrowth> rows) {
        line("## fib(N) on wasmtime, " + options.evals() + " evaluations (ms, one round each)");
        line();
        line("| N | interpreted | JIT | speed-up |");
        line("|--:|--:|--:|--:|");
        for (FibGrowth row : rows) {
            line("| " + row.n() + " | " + ms(row.interpretedMs()) + " | " + ms(row.compiledMs()) + " | "
                    + ratio(row.speedup()) + " |");
        }
        line();
        line("![fib growth](" + Plots.FIB_GROWTH + ")");
        line();
    }

    private void staticLinking(List<FirstEvaluationCost> rows, List<InstantiationCost> instantiation) {
        line("## Static late linking: the first evaluation (ms, median of " + options.firstEvaluationSamples()
                + " fresh instances each)");
        line();
        line("Static: a fresh instance of the program's out.wasm (what `wasmjit link` writes) evaluates the handle it"
                + " was snapshotted with, with no `jitModule` call. Live: a fresh instance of the guest parses the"
                + " program, evaluates it once interpreted, links one JIT round dynamically, and then evaluates it;"
                + " that evaluation is timed. Interpreted: the first evaluation in a fresh instance, for reference."
                + " Static, 2nd: the next evaluation in the same out.wasm instance.");
        line();
        line("| program | out.wasm bytes | interpreted | live, after the JIT link | static (out.wasm) | static / live"
                + " | interpreted / static | static, 2nd |");
        line("|---|--:|--:|--:|--:|--:|--:|--:|");
        for (FirstEvaluationCost row : rows) {
            line("| " + row.program() + " | " + row.moduleBytes() + " | " + ms(row.interpretedMs()) + " | "
                    + ms(row.liveMs()) + " | " + ms(row.staticMs()) + " | " + ratio(row.staticOverLive()) + "× | "
                    + ratio(row.interpretedMs() / row.staticMs()) + "× | " + ms(row.staticSecondMs()) + " |");
        }
        line();
        List<Double> ratios = rows.stream().map(FirstEvaluationCost::staticOverLive).sorted().toList();
        FirstEvaluationCost headline = rows.get(0);
        line("Static / live is " + ratio(headline.staticOverLive()) + "× for " + headline.program() + " (median "
                + ratio(Timing.median(ratios).orElseThrow()) + "× over all programs, from " + ratio(ratios.get(0))
                + "× to " + ratio(ratios.get(ratios.size() - 1))
                + "×): near 1 means out.wasm runs compiled code from its first call as fast as a live instance runs"
                + " it right after linking, without the interpreted run and the JIT round the live instance needed"
                + " first. Where the first evaluation in out.wasm is slower but its second is as fast as the live one,"
                + " the difference is a cost of a fresh instance's first evaluation, not slower code. Programs that"
                + " take well under a millisecond measure such costs and the call overhead, not the code.");
        line();
        line("| module | bytes | instantiate (ms, median of " + options.instantiationSamples() + ") | vs the guest |");
        line("|---|--:|--:|--:|");
        double guestMs = instantiation.get(0).instantiateMs();
        for (InstantiationCost row : instantiation) {
            line("| " + row.module() + " | " + row.moduleBytes() + " | " + ms(row.instantiateMs()) + " | "
                    + ratio(row.instantiateMs() / guestMs) + "× |");
        }
        line();
        line("Instantiation of a compiled module, `_initialize` included: the guest runs its C++ constructors there;"
                + " out.wasm has a no-op `_initialize` but copies its memory snapshot in from data segments.");
        line();
    }

    private void reproduce() {
        line("## Reproduce");
        line();
        line("```");
        line("mvn -B -ntp -DskipTests package");
        line("java -jar harness/target/wasmjit.jar report -o DIR    # this report" + (options.quick() ? "; without --quick" : ""));
        line("java -jar bench/target/benchmarks.jar                 # the JMH benchmarks");
        line("```");
        line();
        line("Anchors are measured when installed: node (V8), g++ and make (the native build), guile-3.0 and"
                + " chezscheme (Debian packages); the baseline column appears when " + ReportOptions.BASELINE_WASM
                + " exists.");
    }

    private Timing timing(Runtime runtime, String program) {
        return measurements.timing(runtime, program)
                .orElse(new Timing(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));
    }

    private static OptionalDouble ratio(Optional<OptionalDouble> numerator, Optional<OptionalDouble> denominator) {
        return ratio(numerator.orElse(OptionalDouble.empty()), denominator.orElse(OptionalDouble.empty()));
    }

    private static OptionalDouble ratio(OptionalDouble numerator, OptionalDouble denominator) {
        if (numerator.isEmpty() || denominator.isEmpty() || denominator.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(numerator.getAsDouble() / denominator.getAsDouble());
    }

    private static String ms(OptionalDouble value) {
        return value.isPresent() ? ms(value.getAsDouble()) : NONE;
    }

    private static String ms(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 1 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String ratio(OptionalDouble value) {
        return value.isPresent() ? ratio(value.getAsDouble()) + "×" : NONE;
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
