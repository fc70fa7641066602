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
            Plots.FIB_GROWTH, Plots.TIERING_TAKE_OVER);

    /** What a report measures: every section, or automatic tiering's alone ({@code --only tiering}). */
    enum Sections {
        ALL, TIERING
    }

    private Report() {
    }

    /**
     * Measures and writes the report. An anchor that is not installed, or that fails, is
     * reported as not measured, with the reason; the wasmtime measurements always run.
     *
     * @param outDir   the directory to write into (created if needed)
     * @param options  the protocol
     * @param sections every section, or the tiering section alone
     * @param progress where to say what is being measured
     * @return the path of report.md
     * @throws UncheckedIOException     if the directory or a file cannot be written; its
     *                                  message says where, its cause why
     * @throws IllegalStateException    if {@code outDir} is an existing file
     * @throws IllegalStateException    if a program gives a wrong result on wasmtime
     */
    static Path run(Path outDir, ReportOptions options, Sections sections, PrintStream progress) {
        System.setProperty("java.awt.headless", "true");
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IllegalStateException("could not write the report into " + outDir
                    + ": it is a file, and -o names the directory report.md and the plots go into");
        }
        try {
            Files.createDirectories(outDir);
            Path work = Files.createTempDirectory("wasmjit-report");
            try {
                return sections == Sections.TIERING ? measureAndWriteTiering(outDir, options, progress)
                        : measureAndWrite(outDir, work, options, progress);
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
                () -> NativeRunner.measure(options.repo(), programs, options, work, measurements, progress));
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
        String tiering = measureTiering(outDir, guest, options, progress);

        List<String> names = suite.stream().map(Program::name).toList();
        Plots.programs(outDir.resolve(Plots.PROGRAMS), names, measurements, options.evals());
        Plots.relativeToGuile(outDir.resolve(Plots.RELATIVE_TO_GUILE), names, measurements);
        Plots.roundCost(outDir.resolve(Plots.ROUND_COST), roundCost);
        Plots.fibGrowth(outDir.resolve(Plots.FIB_GROWTH), growth, options.evals());
        String markdown = ReportMarkdown.write(machine, guest, baseline, options, measurements, headline.name(), names,
                callCost, roundCost, growth, firstEvaluations, instantiation, tiering);
        Path file = Files.writeString(outDir.resolve(MARKDOWN), markdown, StandardCharsets.UTF_8);
        return file;
    }

    /** The tiering section alone, under a header of its own: {@code --only tiering}. */
    private static Path measureAndWriteTiering(Path outDir, ReportOptions options, PrintStream progress) throws IOException {
        Machine machine = Machine.describe();
        Guest guest = Guest.bundled();
        String section = measureTiering(outDir, guest, options, progress);
        String markdown = ReportMarkdown.tieringOnly(machine, guest, options, section);
        return Files.writeString(outDir.resolve(MARKDOWN), markdown, StandardCharsets.UTF_8);
    }

    /** Measures automatic tiering, draws its plot, and returns its section of report.md. */
    private static String measureTiering(Path outDir, Guest guest, ReportOptions options, PrintStream progress)
            throws IOException {
        List<TieringCost> rows = TieringCost.measure(guest, options.tieringPrograms(), options, progress);
        progress.println("report: tiering, the timed loop");
        TieringTakeOver loop = TieringTakeOver.measure(guest, options);
        Plots.tieringTakeOver(outDir.resolve(Plots.TIERING_TAKE_OVER), loop);
        return TieringMarkdown.write(options, rows.get(0), rows, loop);
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
