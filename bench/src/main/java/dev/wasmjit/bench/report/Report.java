package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Guest;
import dev.wasmjit.bench.Program;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The side-by-side report: runs the fixed protocol on wasmtime and on every anchor that is
 * installed, and writes {@code report.md} and PNG plots into a directory. Its one entry point
 * from outside this package is {@link ReportCommand} ({@code wasmjit report}).
 */
final class Report {

    /** The report's file name in the output directory. */
    static final String MARKDOWN = "report.md";

    /** The plots written beside it. */
    static final List<String> PLOTS = List.of(Plots.PROGRAMS, Plots.RELATIVE_TO_GUILE, Plots.ROUND_COST,
            Plots.FIB_GROWTH);

    private Report() {
    }

    /**
     * Measures and writes the report. An anchor that is not installed, or that fails, is
     * reported as not measured, with the reason; the wasmtime measurements always run.
     *
     * @param outDir   the directory to write into (created if needed)
     * @param options  the protocol
     * @param progress where to say what is being measured
     * @return the path of report.md
     * @throws UncheckedIOException     if the directory or a file cannot be written; its
     *                                  message says where, its cause why
     * @throws IllegalStateException    if {@code outDir} is an existing file
     * @throws IllegalStateException    if a program gives a wrong result on wasmtime
     */
    static Path run(Path outDir, ReportOptions options, PrintStream progress) {
        System.setProperty("java.awt.headless", "true");
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IllegalStateException("could not write the report into " + outDir
                    + ": it is a file, and -o names the directory report.md and the plots go into");
        }
        try {
            Files.createDirectories(outDir);
            Path work = Files.createTempDirectory("wasmjit-report");
            try {
                return measureAndWrite(outDir, work, options, progress);
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            // The message says where; whoever reports it adds why, from the cause.
            throw new UncheckedIOException("could not write the report into " + outDir, e);
        }
    }

    private static Path measureAndWrite(Path outDir, Path work, ReportOptions options, PrintStream progress)
            throws IOException {
        Machine machine = Machine.describe();
        Guest guest = Guest.bundled();
        Optional<Guest> baseline = options.baseline().map(Guest::file);
        Program headline = Program.fib(options.headlineFib());
        List<Program> suite = options.suite();
        // Every runtime runs the seed's demo and the suite; the static linking table keeps
        // the seed's demo and the examples, small programs whose first evaluation it compares.
        List<Program> programs = new ArrayList<>();
        programs.add(headline);
        programs.addAll(suite);
        List<Program> staticPrograms = new ArrayList<>();
        staticPrograms.add(headline);
        staticPrograms.addAll(options.staticLinkingExamples());
        Measurements measurements = new Measurements();

        progress.println("report: wasmtime, " + guest);
        WasmtimeRunner.measure(guest, SchemeRuntime.WASMTIME, programs, options, measurements);
        if (baseline.isPresent()) {
            progress.println("report: wasmtime, baseline JIT " + baseline.get());
            WasmtimeRunner.measureWhatRuns(baseline.get(), SchemeRuntime.WASMTIME_BASELINE, programs, options, measurements);
        } else {
            measurements.absent(SchemeRuntime.WASMTIME_BASELINE, "no " + ReportOptions.BASELINE_WASM);
        }
        anchor(SchemeRuntime.NODE, measurements, progress,
                () -> NodeRunner.measure(options.repo(), guest, programs, options, work, measurements));
        anchor(SchemeRuntime.NATIVE, measurements, progress,
                () -> NativeRunner.measure(options.repo(), programs, options, work, measurements));
        for (SchemeSystemRunner.SchemeSystem system : List.of(SchemeSystemRunner.GUILE, SchemeSystemRunner.CHEZ)) {
            anchor(system.column(), measurements, progress,
                    () -> SchemeSystemRunner.measure(system, programs, options, work, measurements));
        }
        progress.println("report: per-call cost");
        CallCostTable callCost = CallCostTable.measure(options);
        progress.println("report: JIT round cost");
        List<RoundCost> roundCost = RoundCost.measure(guest, options);
        progress.println("report: fib(N) growth");
        List<FibGrowth> growth = FibGrowth.measure(guest, options);
        progress.println("report: static late linking, first evaluations");
        List<FirstEvaluationCost> firstEvaluations = FirstEvaluationCost.measure(guest, staticPrograms, options);
        List<InstantiationCost> instantiation = InstantiationCost.measure(guest, headline, options);

        List<String> names = suite.stream().map(Program::name).toList();
        Plots.programs(outDir.resolve(Plots.PROGRAMS), names, measurements, options.evals());
        Plots.relativeToGuile(outDir.resolve(Plots.RELATIVE_TO_GUILE), names, measurements);
        Plots.roundCost(outDir.resolve(Plots.ROUND_COST), roundCost);
        Plots.fibGrowth(outDir.resolve(Plots.FIB_GROWTH), growth, options.evals());
        String markdown = ReportMarkdown.write(machine, guest, baseline, options, measurements, headline.name(), names,
                callCost, roundCost, growth, firstEvaluations, instantiation);
        Path file = Files.writeString(outDir.resolve(MARKDOWN), markdown, StandardCharsets.UTF_8);
        return file;
    }

    /** A measurement outside this JVM; its failure costs the column, never the report. */
    private interface AnchorRun {
        void run() throws IOException;
    }

    private static void anchor(SchemeRuntime runtime, Measurements measurements, PrintStream progress, AnchorRun run) {
        progress.println("report: " + runtime.label());
        try {
            run.run();
        } catch (IOException | RuntimeException e) {
            measurements.absent(runtime, "failed: " + e.getMessage().lines().findFirst().orElse(e.toString()));
            progress.println("report: " + runtime.label() + " not measured: " + e.getMessage());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
