package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Guest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** Writes report.md: where it ran, the targets, and the tables, all from one run. */
final class ReportMarkdown {

    private static final String NONE = "–";

    /*
     * Two measurements of a JIT round, named apart so that a program in both tables (fib(20) in
     * the quick protocol) never shows two numbers under one name: the round inside the seed's
     * protocol, whose first one in the process (quick: no warm-up round) also pays wasmtime's and
     * the JVM's start-up, and the round-cost table's, taken later in the run.
     */
    static final String PROTOCOL_ROUND = "JIT round in the protocol";
    static final String PHASE_ROUND = "warm JIT round";

    private final StringBuilder out = new StringBuilder();
    private final ReportOptions options;
    private final Measurements measurements;

    private ReportMarkdown(ReportOptions options, Measurements measurements) {
        this.options = options;
        this.measurements = measurements;
    }

    static String write(Machine machine, Guest guest, Optional<Guest> baseline, ReportOptions options,
                        Measurements measurements, String headline, List<String> suite, CallCostTable callCost,
                        List<RoundCost> roundCost, List<FibGrowth> growth, List<FirstEvaluationCost> firstEvaluations,
                        List<InstantiationCost> instantiation, String tieringSection) {
        ReportMarkdown report = new ReportMarkdown(options, measurements);
        report.header(machine, guest, baseline);
        report.goals(suite, callCost, roundCost);
        report.suite(suite);
        report.seedDemo(headline, roundCost);
        report.callCost(callCost);
        report.roundCost(roundCost);
        report.growth(growth);
        report.staticLinking(firstEvaluations, instantiation);
        report.out.append(tieringSection);
        report.reproduce();
        return report.out.toString();
    }

    /** report.md of {@code --only tiering}: where it ran, and the tiering section. */
    static String tieringOnly(Machine machine, Guest guest, ReportOptions options, String tieringSection) {
        ReportMarkdown report = new ReportMarkdown(options, new Measurements());
        report.line("# wasmjit benchmark report: automatic tiering" + (options.quick() ? " (quick protocol: not for comparison)" : ""));
        report.line();
        report.machine(machine, guest);
        report.line();
        report.out.append(tieringSection);
        report.line("Measured with `java -jar harness/target/wasmjit.jar report --only tiering -o DIR`"
                + (options.quick() ? " (without --quick for numbers to compare)" : "") + ".");
        return report.out.toString();
    }

    private void header(Machine machine, Guest guest, Optional<Guest> baseline) {
        line("# wasmjit benchmark report" + (options.quick() ? " (quick protocol: not for comparison)" : ""));
        line();
        machine(machine, guest);
        line("- Straightforward JIT: " + baseline.map(b -> b.name() + ", sha256 `" + b.sha256() + "`")
                .orElse("absent (no " + ReportOptions.BASELINE_WASM + ")"));
        for (SchemeRuntime runtime : List.of(SchemeRuntime.NODE, SchemeRuntime.NATIVE, SchemeRuntime.GUILE, SchemeRuntime.CHEZ)) {
            line("- " + runtime.label() + ": " + measurements.version(runtime)
                    .filter(v -> measurements.measured(runtime))
                    .orElse("not measured: " + measurements.whyAbsent(runtime).orElse("unknown")));
        }
        line();
        line("Protocol (the seed's, repeated): parse, " + evaluations() + " interpreted, one JIT round"
                + " (generate, compile, link), " + evaluations() + " of the same expression on the same"
                + " instance after linking. " + options.warmupRounds() + " warm-up and " + options.rounds()
                + " measured rounds per program and runtime, one instance each, the program parsed anew each round;"
                + " times are medians in milliseconds, all measured in this run. Every evaluation on wasmtime, V8 and"
                + " the native build has a " + (options.heapBytes() >> 20) + " MiB heap (the seed's 1 MiB is too"
                + " small for some programs). Guile and Chez compile the same program text as the body of a"
                + " procedure and time " + count(options.evals(), "call") + " of it with their own clock; the native build is"
                + " timed as a process, start-up subtracted. Our JIT: the guest on wasmtime after one JIT round."
                + " The straightforward JIT: the same compiler built with -DSTRAIGHTFORWARD=1 (every construct"
                + " compiled, no fast paths), a fresh instance per program, so that a program it cannot run costs"
                + " only its row.");
        line();
    }

    private void machine(Machine machine, Guest guest) {
        line("- Date: " + machine.date());
        line("- Machine: " + machine.cpu() + ", " + machine.cores() + " cores, " + machine.memory() + " memory");
        line("- OS: " + machine.os());
        line("- JVM: " + machine.jvm());
        line("- Runtime: " + machine.wasmtimeJava());
        line("- Guest: " + guest.name() + ", sha256 `" + guest.sha256() + "`");
    }

    // ---- goals --------------------------------------------------------------------------------

    private void goals(List<String> suite, CallCostTable callCost, List<RoundCost> roundCost) {
        line("## Goals");
        line();
        line("Ratios measured side by side in this run (A / B: how many times longer A takes than B). The"
                + " geometric means are over the " + suite.size() + " suite programs"
                + (options.quick() ? " of the quick protocol (not the whole suite)" : "") + ".");
        line();
        line("| measure | goal | measured | met |");
        line("|---|---|---|---|");
        GoalVerdicts unmet = new GoalVerdicts(options.quick(), "not measured (runtime absent)");
        OptionalDouble overGuile = geometricMean(suite, p -> ratio(compiled(SchemeRuntime.WASMTIME, p), compiled(SchemeRuntime.GUILE, p)));
        line(unmet.row("geometric mean over the suite, our JIT / Guile 3", "≤ 1.0×", overGuile, 1.0, false, "×", ""));
        Optional<String> worst = slowest(suite, SchemeRuntime.GUILE);
        line(unmet.row("the slowest program, our JIT / Guile 3", "≤ 3×",
                worst.map(p -> ratio(compiled(SchemeRuntime.WASMTIME, p), compiled(SchemeRuntime.GUILE, p))).orElse(OptionalDouble.empty()),
                3.0, false, "×", worst.map(p -> " (" + p + ")").orElse("")));
        line(unmet.row("geometric mean over the suite, our JIT / Chez Scheme", "≤ 2.5×",
                geometricMean(suite, p -> ratio(compiled(SchemeRuntime.WASMTIME, p), compiled(SchemeRuntime.CHEZ, p))), 2.5, false, "×", ""));
        line(unmet.row("geometric mean over the suite, speed-up over our interpreter (interpreted / JIT on wasmtime)", "≥ 10×",
                geometricMean(suite, p -> timing(SchemeRuntime.WASMTIME, p).speedup()), 10, true, "×", ""));
        String mutual = "mutual-recursion";
        line(unmet.row("mutual recursion (" + mutual + "), our JIT / Guile 3, in constant stack", "≤ 2×",
                suite.contains(mutual) ? ratio(compiled(SchemeRuntime.WASMTIME, mutual), compiled(SchemeRuntime.GUILE, mutual))
                        : OptionalDouble.empty(), 2, false, "×", ""));
        line(unmet.row("trivial `eval` cost, bridge / the binding's cheapest call of a trivial export", "≤ 1.5×",
                OptionalDouble.of(callCost.evalOverRaw()), 1.5, false, "×",
                " (" + micros(callCost.trivialEvalMicros()) + " µs / " + micros(callCost.cheapestRawMicros()) + " µs)"));
        List<RoundCost> generated = roundCost.stream().filter(r -> r.program().startsWith("functions(")).toList();
        if (generated.size() >= 2) {
            RoundCost largest = generated.get(generated.size() - 1);
            RoundCost smaller = generated.get(generated.size() - 2);
            double perFunction = largest.totalMs() / largest.functions();
            line(unmet.row("one JIT round, per function (" + largest.functions() + " functions)", "≤ 0.1 ms",
                    OptionalDouble.of(perFunction), 0.1, false, " ms", ""));
            line(unmet.row("one JIT round is linear: per-function cost at " + largest.functions() + " functions / at "
                    + smaller.functions(), "≤ 1.25×",
                    OptionalDouble.of(perFunction / (smaller.totalMs() / smaller.functions())), 1.25, false, "×", ""));
        }
        line();
        line(unmet.summary("Every goal measured here is met."));
        List<String> furthest = suite.stream()
                .filter(p -> ratio(compiled(SchemeRuntime.WASMTIME, p), compiled(SchemeRuntime.GUILE, p)).isPresent())
                .sorted(Comparator.comparingDouble((String p) -> ratio(compiled(SchemeRuntime.WASMTIME, p),
                        compiled(SchemeRuntime.GUILE, p)).getAsDouble()).reversed())
                .limit(3)
                .map(p -> p + " " + ratio(ratio(compiled(SchemeRuntime.WASMTIME, p), compiled(SchemeRuntime.GUILE, p))))
                .toList();
        if (!furthest.isEmpty()) {
            line();
            line("Furthest behind Guile (our JIT / Guile 3): " + String.join(", ", furthest) + ".");
        }
        line();
    }

    private Optional<String> slowest(List<String> suite, SchemeRuntime against) {
        return suite.stream()
                .filter(p -> ratio(compiled(SchemeRuntime.WASMTIME, p), compiled(against, p)).isPresent())
                .max(Comparator.comparingDouble(p -> ratio(compiled(SchemeRuntime.WASMTIME, p), compiled(against, p))
                        .getAsDouble()));
    }

    /** The geometric mean of a ratio over the programs; empty unless every program has it. */
    static OptionalDouble geometricMean(List<String> programs, Function<String, OptionalDouble> ratio) {
        double logSum = 0;
        for (String program : programs) {
            OptionalDouble value = ratio.apply(program);
            if (value.isEmpty() || value.getAsDouble() <= 0) {
                return OptionalDouble.empty();
            }
            logSum += Math.log(value.getAsDouble());
        }
        return programs.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Math.exp(logSum / programs.size()));
    }

    // ---- the suite ----------------------------------------------------------------------------

    /** The columns of the ratio table: a name, and the ratio for a program. */
    private record RatioColumn(String name, Function<String, OptionalDouble> ratio, boolean overWhatRan) {
        RatioColumn(String name, Function<String, OptionalDouble> ratio) {
            this(name, ratio, false);
        }
    }

    private List<RatioColumn> ratioColumns() {
        List<RatioColumn> columns = new ArrayList<>();
        columns.add(new RatioColumn("speed-up (wasmtime interpreted / our JIT)", p -> timing(SchemeRuntime.WASMTIME, p).speedup()));
        if (measurements.measured(SchemeRuntime.WASMTIME_BASELINE)) {
            columns.add(new RatioColumn("straightforward JIT / our JIT",
                    p -> ratio(compiled(SchemeRuntime.WASMTIME_BASELINE, p), compiled(SchemeRuntime.WASMTIME, p)), true));
        }
        columns.add(new RatioColumn("V8 speed-up", p -> timing(SchemeRuntime.NODE, p).speedup()));
        columns.add(new RatioColumn("our JIT / V8 JIT", p -> ratio(compiled(SchemeRuntime.WASMTIME, p), compiled(SchemeRuntime.NODE, p))));
        columns.add(new RatioColumn("wasmtime interpreted / native interpreted",
                p -> ratio(interpreted(SchemeRuntime.WASMTIME, p), interpreted(SchemeRuntime.NATIVE, p))));
        columns.add(new RatioColumn("our JIT / Guile", p -> ratio(compiled(SchemeRuntime.WASMTIME, p), compiled(SchemeRuntime.GUILE, p))));
        columns.add(new RatioColumn("our JIT / Chez", p -> ratio(compiled(SchemeRuntime.WASMTIME, p), compiled(SchemeRuntime.CHEZ, p))));
        columns.add(new RatioColumn("Guile / Chez", p -> ratio(compiled(SchemeRuntime.GUILE, p), compiled(SchemeRuntime.CHEZ, p))));
        return columns;
    }

    private void suite(List<String> suite) {
        line("## The suite: " + evaluations() + " each (ms)");
        line();
        timesTable(suite);
        line("Every time is for " + evaluations() + " (the JIT round: one round); the programs are"
                + " bench/programs/*.scm, described in bench/programs/README.md. " + protocolRoundNote());
        line();
        line("### Ratios");
        line();
        List<RatioColumn> columns = ratioColumns();
        StringBuilder head = new StringBuilder("| program |");
        StringBuilder rule = new StringBuilder("|---|");
        for (RatioColumn column : columns) {
            head.append(" ").append(column.name()).append(" |");
            rule.append("--:|");
        }
        line(head.toString());
        line(rule.toString());
        for (String program : suite) {
            StringBuilder row = new StringBuilder("| " + program + " |");
            for (RatioColumn column : columns) {
                row.append(" ").append(ratio(column.ratio().apply(program))).append(" |");
            }
            line(row.toString());
        }
        StringBuilder mean = new StringBuilder("| **geometric mean** |");
        for (RatioColumn column : columns) {
            List<String> over = column.overWhatRan()
                    ? suite.stream().filter(p -> column.ratio().apply(p).isPresent()).toList() : suite;
            mean.append(" **").append(ratio(geometricMean(over, column.ratio()))).append("**")
                    .append(over.size() < suite.size() ? " (" + over.size() + " programs)" : "").append(" |");
        }
        line(mean.toString());
        line();
        measurements.failures(SchemeRuntime.WASMTIME_BASELINE).forEach((program, why) ->
                line("The straightforward JIT did not run " + program + ": " + why + "  "));
        if (!measurements.failures(SchemeRuntime.WASMTIME_BASELINE).isEmpty()) {
            line();
        }
        line("Speed-up = interpreted / JIT on the same runtime; A / B = how many times longer A takes than B."
                + " A dash: not measured (see above); a geometric mean needs every program.");
        line();
        line(measurements.measured(SchemeRuntime.GUILE)
                ? "![every program's time relative to Guile](" + Plots.RELATIVE_TO_GUILE + ")"
                : "No plot relative to Guile: Guile was not measured.");
        line();
        line("![interpreted vs JIT per program](" + Plots.PROGRAMS + ")");
        line();
    }

    private void timesTable(List<String> programs) {
        boolean baseline = measurements.measured(SchemeRuntime.WASMTIME_BASELINE);
        StringBuilder head = new StringBuilder("| program | wasmtime interpreted | our JIT | " + PROTOCOL_ROUND + " |");
        StringBuilder rule = new StringBuilder("|---|--:|--:|--:|");
        if (baseline) {
            head.append(" straightforward JIT |");
            rule.append("--:|");
        }
        head.append(" V8 interpreted | V8 JIT | native interpreted | Guile | Chez |");
        rule.append("--:|--:|--:|--:|--:|");
        line(head.toString());
        line(rule.toString());
        for (String program : programs) {
            Timing w = timing(SchemeRuntime.WASMTIME, program);
            StringBuilder row = new StringBuilder("| " + program + " | " + ms(w.interpretedMs()) + " | "
                    + ms(w.compiledMs()) + " | " + ms(w.roundMs()) + " |");
            if (baseline) {
                row.append(" ").append(ms(compiled(SchemeRuntime.WASMTIME_BASELINE, program))).append(" |");
            }
            row.append(" ").append(ms(interpreted(SchemeRuntime.NODE, program))).append(" | ")
                    .append(ms(compiled(SchemeRuntime.NODE, program))).append(" | ")
                    .append(ms(interpreted(SchemeRuntime.NATIVE, program))).append(" | ")
                    .append(ms(compiled(SchemeRuntime.GUILE, program))).append(" | ")
                    .append(ms(compiled(SchemeRuntime.CHEZ, program))).append(" |");
            line(row.toString());
        }
        line();
    }

    /** What the protocol's JIT round column is, and why it can differ from the warm round. */
    private String protocolRoundNote() {
        return PROTOCOL_ROUND + ": the round between the interpreted and the compiled evaluations, median of "
                + count(options.rounds(), "measured round") + " after " + count(options.warmupRounds(), "warm-up round")
                + (options.warmupRounds() == 0
                        ? "; without a warm-up the first program's round is the process's first, and also pays for"
                        + " starting wasmtime's compiler and the JVM's code for the bridge"
                        : "")
                + ". The " + PHASE_ROUND + " (the phase table below) is another measurement, taken later in the run.";
    }

    // ---- the seed's demo ----------------------------------------------------------------------

    private void seedDemo(String headline, List<RoundCost> roundCost) {
        line("## The seed's demo: " + headline + ", " + evaluations() + "");
        line();
        timesTable(List.of(headline));
        line(protocolRoundNote());
        line();
        line("| measure | goal | measured | met |");
        line("|---|---|---|---|");
        GoalVerdicts unmet = new GoalVerdicts(options.quick(), "not measured (runtime absent)");
        line(unmet.row(headline + ": interpreted / our JIT on wasmtime", "≥ 10×", timing(SchemeRuntime.WASMTIME, headline).speedup(),
                10, true, "×", ""));
        line(unmet.row(headline + ": straightforward JIT / our JIT", "≥ 6×",
                ratio(compiled(SchemeRuntime.WASMTIME_BASELINE, headline), compiled(SchemeRuntime.WASMTIME, headline)), 6, true, "×", ""));
        line(unmet.row(headline + ": our JIT / Guile 3", "≤ 3×",
                ratio(compiled(SchemeRuntime.WASMTIME, headline), compiled(SchemeRuntime.GUILE, headline)), 3, false, "×", ""));
        Optional<RoundCost> fibRound = roundCost.stream().filter(r -> r.program().startsWith("fib(")).findFirst();
        line(unmet.row(PHASE_ROUND + " of " + fibRound.map(RoundCost::program).orElse("fib")
                        + " (the phase table below)", "< 5 ms",
                fibRound.map(r -> OptionalDouble.of(r.totalMs())).orElse(OptionalDouble.empty()), 5, false, " ms", ""));
        line();
        line("Per evaluation of " + headline + ": " + perEvaluation(headline));
        line();
    }

    private String perEvaluation(String program) {
        List<String> parts = new ArrayList<>();
        for (SchemeRuntime runtime : SchemeRuntime.values()) {
            measurements.timing(runtime, program).ifPresent(t -> {
                t.interpretedMs().ifPresent(ms -> parts.add(runtime.label() + " interpreted " + ms(ms / options.evals()) + " ms"));
                t.compiledMs().ifPresent(ms -> parts.add(runtime.label()
                        + (runtime == SchemeRuntime.GUILE || runtime == SchemeRuntime.CHEZ ? "" : " JIT") + " " + ms(ms / options.evals()) + " ms"));
            });
        }
        return String.join("; ", parts) + ".";
    }

    // ---- per-call cost ------------------------------------------------------------------------

    private void callCost(CallCostTable cost) {
        line("## Per-call cost (µs per call, median of " + options.callCostBatches() + " batches of "
                + options.callsPerBatch() + " calls)");
        line();
        line("| call | µs | / the binding's cheapest call |");
        line("|---|--:|--:|");
        double cheapest = cost.cheapestRawMicros();
        line("| `SchemeInterpreter.eval` of `" + dev.wasmjit.bench.CallCost.TRIVIAL_PROGRAM + "` (trivial eval) | "
                + micros(cost.trivialEvalMicros()) + " | " + ratio(cost.trivialEvalMicros() / cheapest) + "× |");
        line("| the bridge's call of the guest's `stackPointer` export (`GuestFunction.callI32`) | "
                + micros(cost.bridgeExportMicros()) + " | " + ratio(cost.bridgeExportMicros() / cheapest) + "× |");
        line("| wasmtime-java `Func.call` of an exported `i32.add` | " + micros(cost.rawFuncCallMicros()) + " | "
                + ratio(cost.rawFuncCallMicros() / cheapest) + "× |");
        line("| wasmtime-java typed call (`WasmFunctions.func`) of the same export | " + micros(cost.rawTypedCallMicros())
                + " | " + ratio(cost.rawTypedCallMicros() / cheapest) + "× |");
        line();
        line("The binding's cheapest call is the cheaper of its two ways to call the `i32.add` export. The same"
                + " calls under JMH: `java -jar bench/target/benchmarks.jar CallCostBenchmark`.");
        line();
    }

    private void roundCost(List<RoundCost> rows) {
        line("## One JIT round on wasmtime, phase by phase (ms, median of " + options.roundCostSamples() + ")");
        line();
        line("| program | functions compiled | module bytes | generate (jitModule) | wasmtime compile | instantiate + patch | "
                + PHASE_ROUND + " | per function |");
        line("|---|--:|--:|--:|--:|--:|--:|--:|");
        for (RoundCost row : rows) {
            line("| " + row.program() + " | " + row.functions() + " | " + row.moduleBytes() + " | " + ms(row.generateMs())
                    + " | " + ms(row.compileMs()) + " | " + ms(row.linkMs()) + " | " + ms(row.totalMs()) + " | "
                    + (row.functions() > 0 ? ms(row.totalMs() / row.functions()) : NONE) + " |");
        }
        line();
        line("A " + PHASE_ROUND + ": the program evaluated once, then one round timed phase by phase, on an"
                + " instance of this table's own, later in the run than the suite's tables (so never the process's"
                + " first round), after " + count(options.warmupRounds(), "warm-up round") + " per program. It is"
                + " not the " + PROTOCOL_ROUND + " of the suite's tables, which is measured inside the seed's protocol.");
        line();
        line("![JIT round cost vs functions](" + Plots.ROUND_COST + ")");
        line();
    }

    private void growth(List<FibGrowth> rows) {
        line("## fib(N) on wasmtime, " + evaluations() + " (ms, one round each)");
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
                + " chezscheme (Debian packages); the straightforward JIT's column appears when "
                + ReportOptions.BASELINE_WASM + " exists.");
    }

    private OptionalDouble compiled(SchemeRuntime runtime, String program) {
        return timing(runtime, program).compiledMs();
    }

    private OptionalDouble interpreted(SchemeRuntime runtime, String program) {
        return timing(runtime, program).interpretedMs();
    }

    /** {@code 5 evaluations}, and {@code 1 evaluation} for the quick protocol. */
    private String evaluations() {
        return count(options.evals(), "evaluation");
    }

    /** A count and its noun, singular for one. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String micros(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    private Timing timing(SchemeRuntime runtime, String program) {
        return measurements.timing(runtime, program)
                .orElse(new Timing(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()));
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

    /** Milliseconds to three significant figures or so. */
    static String ms(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 1 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String ratio(OptionalDouble value) {
        return value.isPresent() ? ratio(value.getAsDouble()) + "×" : NONE;
    }

    /** A ratio to three significant figures or so, without its × sign. */
    static String ratio(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
