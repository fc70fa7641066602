package dev.wasmjit.bench.report;

import dev.wasmjit.bench.SingleRun;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/** The report's PNG plots, drawn with XChart (headless). */
final class Plots {

    static final String PROGRAMS = "programs.png";
    static final String RELATIVE_TO_GUILE = "relative-to-guile.png";
    static final String ROUND_COST = "round-cost.png";
    static final String FIB_GROWTH = "fib-growth.png";
    static final String TIERING_TAKE_OVER = "tiering-take-over.png";

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;
    /** Room for a legend of every runtime and mode beside the chart. */
    private static final int LEGEND_WIDTH = 320;
    /** Log axes cannot show zero; a time this small is drawn at this floor. */
    private static final double MIN_MS = 0.01;
    /** Likewise for ratios, and for times in ms (the same number). */
    private static final double MIN_RATIO = 0.01;

    private Plots() {
    }

    /** Time per program, interpreted and compiled, for each runtime measured (log scale). */
    static void programs(Path file, List<String> programs, Measurements measurements, int evals) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH + LEGEND_WIDTH).height(HEIGHT)
                .title("Interpreted vs JIT: " + ReportMarkdown.count(evals, "evaluation") + " per program")
                .xAxisTitle("program").yAxisTitle("ms (log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(MIN_MS);
        // One series per runtime and mode: too many for a single row under the chart.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setXAxisLabelRotation(30);
        for (SchemeRuntime runtime : SchemeRuntime.values()) {
            if (!measurements.measured(runtime)) {
                continue;
            }
            addSeries(chart, runtime.label() + " interpreted", programs, p -> measurements.timing(runtime, p)
                    .map(Timing::interpretedMs).orElse(OptionalDouble.empty()));
            addSeries(chart, runtime.label() + (runtime == SchemeRuntime.GUILE || runtime == SchemeRuntime.CHEZ ? "" : " JIT"),
                    programs, p -> measurements.timing(runtime, p).map(Timing::compiledMs).orElse(OptionalDouble.empty()));
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Every suite program's time relative to Guile's (log scale; 1 = as fast as Guile, below
     * is faster), for each runtime and mode measured. Not drawn when Guile was not measured.
     *
     * @return whether the plot was written
     */
    static boolean relativeToGuile(Path file, List<String> programs, Measurements measurements) throws IOException {
        if (!measurements.measured(SchemeRuntime.GUILE)) {
            return false;
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH + LEGEND_WIDTH).height(HEIGHT)
                .title("Time relative to Guile 3 (1 = Guile's time; lower is faster)")
                .xAxisTitle("program").yAxisTitle("time / Guile's time (log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        // XChart's bars on a log axis need an explicit floor; 1/100 of Guile's time is below any runtime here.
        chart.getStyler().setYAxisMin(MIN_RATIO);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setXAxisLabelRotation(30);
        Function<String, OptionalDouble> guile = p -> measurements.timing(SchemeRuntime.GUILE, p)
                .map(Timing::compiledMs).orElse(OptionalDouble.empty());
        for (SchemeRuntime runtime : SchemeRuntime.values()) {
            if (!measurements.measured(runtime) || runtime == SchemeRuntime.GUILE) {
                continue;
            }
            boolean ahead = runtime == SchemeRuntime.CHEZ;
            addSeries(chart, runtime.label() + (ahead ? "" : " JIT"), programs, p -> relative(
                    measurements.timing(runtime, p).map(Timing::compiledMs).orElse(OptionalDouble.empty()),
                    guile.apply(p)));
            addSeries(chart, runtime.label() + " interpreted", programs, p -> relative(
                    measurements.timing(runtime, p).map(Timing::interpretedMs).orElse(OptionalDouble.empty()),
                    guile.apply(p)));
        }
        if (chart.getSeriesMap().isEmpty()) {
            return false;
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return true;
    }

    private static OptionalDouble relative(OptionalDouble ms, OptionalDouble guileMs) {
        if (ms.isEmpty() || guileMs.isEmpty() || guileMs.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(ms.getAsDouble() / guileMs.getAsDouble());
    }

    /** Only series with a value for every program: XChart needs equal lengths, log scale needs > 0. */
    private static void addSeries(CategoryChart chart, String name, List<String> programs,
                                  Function<String, OptionalDouble> value) {
        List<Double> values = new ArrayList<>();
        for (String program : programs) {
            OptionalDouble ms = value.apply(program);
            if (ms.isEmpty()) {
                return;
            }
            values.add(Math.max(ms.getAsDouble(), MIN_RATIO));
        }
        chart.addSeries(name, programs, values);
    }

    /** A JIT round's phases against the number of functions compiled (log-log). */
    static void roundCost(Path file, List<RoundCost> rows) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("JIT round cost vs functions compiled (wasmtime)")
                .xAxisTitle("functions in the round (log scale)").yAxisTitle("ms (log scale)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<RoundCost> generated = rows.stream().filter(r -> r.program().startsWith("functions(")).toList();
        List<Double> x = generated.stream().map(r -> (double) r.functions()).toList();
        chart.addSeries("generate (jitModule)", x, generated.stream().map(r -> positive(r.generateMs())).toList());
        chart.addSeries("wasmtime compile", x, generated.stream().map(r -> positive(r.compileMs())).toList());
        chart.addSeries("instantiate + patch", x, generated.stream().map(r -> positive(r.linkMs())).toList());
        chart.addSeries(ReportMarkdown.PHASE_ROUND, x, generated.stream().map(r -> positive(r.totalMs())).toList());
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** fib(N) interpreted and compiled on wasmtime against N (log y). */
    static void fibGrowth(Path file, List<FibGrowth> rows, int evals) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("fib(N), " + ReportMarkdown.count(evals, "evaluation") + " on wasmtime")
                .xAxisTitle("N").yAxisTitle("ms (log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<Double> x = rows.stream().map(r -> (double) r.n()).toList();
        chart.addSeries("interpreted", x, rows.stream().map(r -> positive(r.interpretedMs())).toList());
        chart.addSeries("JIT", x, rows.stream().map(r -> positive(r.compiledMs())).toList());
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * The timed loop's time per iteration, each way of running it once (log y), with a vertical
     * line where automatic tiering's iterations reached compiled speed.
     */
    static void tieringTakeOver(Path file, TieringTakeOver loop) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("A loop run once: time per iteration of " + loop.work() + " (wasmtime)")
                .xAxisTitle("iteration").yAxisTitle("ms per iteration (log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(3);
        double low = Double.MAX_VALUE;
        double high = MIN_MS;
        for (SingleRun.Way way : SingleRun.Way.values()) {
            List<Double> ms = loop.iterationMs().get(way).stream().map(Plots::positive).toList();
            List<Double> x = new ArrayList<>();
            for (int i = 1; i <= ms.size(); i++) {
                x.add((double) i);
            }
            chart.addSeries("tiering " + way.label(), x, ms);
            low = Math.min(low, ms.stream().mapToDouble(Double::doubleValue).min().orElse(MIN_MS));
            high = Math.max(high, ms.stream().mapToDouble(Double::doubleValue).max().orElse(MIN_MS));
        }
        if (loop.steadyIndex().isPresent()) {
            double at = loop.steadyIndex().getAsInt() + 1;
            chart.addSeries("automatic: compiled speed from here", List.of(at, at), List.of(low, high));
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static double positive(double ms) {
        return Math.max(ms, MIN_MS);
    }
}
