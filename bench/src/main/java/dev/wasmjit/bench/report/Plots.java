package dev.wasmjit.bench.report;

import dev.wasmjit.bench.SingleRun;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    /**
     * Pixels between the bar charts' ticks: about five ticks a decade (1, 1.6, 2.5, 4, 6.3, 10)
     * on a chart of this height, enough to read a value off the axis.
     */
    private static final int BAR_TICK_SPACING = 15;

    private Plots() {
    }

    /** Time per program, interpreted and compiled, for each runtime measured (log scale). */
    static void programs(Path file, List<String> programs, Measurements measurements, int evals) throws IOException {
        save(programsChart(programs, measurements, evals), file);
    }

    static CategoryChart programsChart(List<String> programs, Measurements measurements, int evals) {
        CategoryChart chart = barChart("Interpreted vs JIT: " + ReportMarkdown.count(evals, "evaluation") + " per program",
                "ms (log scale)");
        List<LogBars.Series> series = new ArrayList<>();
        for (SchemeRuntime runtime : SchemeRuntime.values()) {
            if (!measurements.measured(runtime)) {
                continue;
            }
            series.add(new LogBars.Series(runtime, false, runtime.label() + " interpreted", p -> measurements.timing(runtime, p)
                    .map(Timing::interpretedMs).orElse(OptionalDouble.empty())));
            series.add(new LogBars.Series(runtime, true, compiledLabel(runtime), p -> measurements.timing(runtime, p)
                    .map(Timing::compiledMs).orElse(OptionalDouble.empty())));
        }
        // Times have no baseline of their own: bars rise from the decade below the fastest.
        double fastest = series.stream().flatMap(s -> programs.stream().map(s.value()))
                .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble)
                .map(ms -> Math.max(ms, MIN_MS)).min().orElse(1);
        LogBars.fromBaseline(chart, Math.pow(10, Math.floor(Math.log10(fastest))), programs, series);
        return chart;
    }

    /**
     * Every suite program's time relative to Guile's (log scale; 1 = as fast as Guile, below
     * is faster), for each runtime and mode measured. Not drawn when Guile was not measured.
     *
     * @return whether the plot was written
     */
    static boolean relativeToGuile(Path file, List<String> programs, Measurements measurements) throws IOException {
        Optional<CategoryChart> chart = relativeToGuileChart(programs, measurements);
        if (chart.isPresent()) {
            save(chart.get(), file);
        }
        return chart.isPresent();
    }

    static Optional<CategoryChart> relativeToGuileChart(List<String> programs, Measurements measurements) {
        if (!measurements.measured(SchemeRuntime.GUILE)) {
            return Optional.empty();
        }
        CategoryChart chart = barChart("Time relative to Guile 3 (1 = Guile's time; bars down: faster, up: slower)",
                "time / Guile's time (log scale)");
        Function<String, OptionalDouble> guile = p -> measurements.timing(SchemeRuntime.GUILE, p)
                .map(Timing::compiledMs).orElse(OptionalDouble.empty());
        List<LogBars.Series> series = new ArrayList<>();
        for (SchemeRuntime runtime : SchemeRuntime.values()) {
            if (!measurements.measured(runtime) || runtime == SchemeRuntime.GUILE) {
                continue;
            }
            series.add(new LogBars.Series(runtime, true, compiledLabel(runtime), p -> relative(
                    measurements.timing(runtime, p).map(Timing::compiledMs).orElse(OptionalDouble.empty()),
                    guile.apply(p))));
            series.add(new LogBars.Series(runtime, false, runtime.label() + " interpreted", p -> relative(
                    measurements.timing(runtime, p).map(Timing::interpretedMs).orElse(OptionalDouble.empty()),
                    guile.apply(p))));
        }
        // Guile's time is the baseline: a faster runtime's bar goes down from 1, a slower one's up.
        LogBars.fromBaseline(chart, 1, programs, series);
        return chart.getSeriesMap().isEmpty() ? Optional.empty() : Optional.of(chart);
    }

    /** Guile and Chez compile ahead of running: their one series is their compiled code, unlabelled. */
    private static String compiledLabel(SchemeRuntime runtime) {
        return runtime.label() + (runtime == SchemeRuntime.GUILE || runtime == SchemeRuntime.CHEZ ? "" : " JIT");
    }

    private static CategoryChart barChart(String title, String yAxisTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH + LEGEND_WIDTH).height(HEIGHT)
                .title(title).xAxisTitle("program").yAxisTitle(yAxisTitle).build();
        // One series per runtime and mode: too many for a single row under the chart.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setYAxisTickMarkSpacingHint(BAR_TICK_SPACING);
        return chart;
    }

    private static OptionalDouble relative(OptionalDouble ms, OptionalDouble guileMs) {
        if (ms.isEmpty() || guileMs.isEmpty() || guileMs.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(ms.getAsDouble() / guileMs.getAsDouble());
    }

    /** A JIT round's phases against the number of functions compiled (log-log). */
    static void roundCost(Path file, List<RoundCost> rows) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("JIT round cost vs functions compiled (wasmtime)")
                .xAxisTitle("functions in the round (log scale)").yAxisTitle("ms (log scale)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        labelBetweenDecades(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<RoundCost> generated = rows.stream().filter(r -> r.program().startsWith("functions(")).toList();
        List<Double> x = generated.stream().map(r -> (double) r.functions()).toList();
        // Phases, not runtimes: none of them in a runtime's colour, lest a reader take one for it.
        colour(chart.addSeries("generate (jitModule)", x, generated.stream().map(r -> positive(r.generateMs())).toList()),
                new Color(102, 166, 30));
        colour(chart.addSeries("wasmtime compile", x, generated.stream().map(r -> positive(r.compileMs())).toList()),
                new Color(231, 41, 138));
        colour(chart.addSeries("instantiate + patch", x, generated.stream().map(r -> positive(r.linkMs())).toList()),
                new Color(166, 118, 29));
        colour(chart.addSeries(ReportMarkdown.PHASE_ROUND, x, generated.stream().map(r -> positive(r.totalMs())).toList()),
                Color.BLACK);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** fib(N) interpreted and compiled on wasmtime against N (log y). */
    static void fibGrowth(Path file, List<FibGrowth> rows, int evals) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("fib(N), " + ReportMarkdown.count(evals, "evaluation") + " on wasmtime")
                .xAxisTitle("N").yAxisTitle("ms (log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        labelBetweenDecades(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<Double> x = rows.stream().map(r -> (double) r.n()).toList();
        colour(chart.addSeries(SchemeRuntime.WASMTIME.label() + " interpreted", x,
                rows.stream().map(r -> positive(r.interpretedMs())).toList()), RuntimeColours.of(SchemeRuntime.WASMTIME, false));
        colour(chart.addSeries(SchemeRuntime.WASMTIME.label() + " JIT", x,
                rows.stream().map(r -> positive(r.compiledMs())).toList()), RuntimeColours.of(SchemeRuntime.WASMTIME, true));
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
        labelBetweenDecades(chart);
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
            Color colour = switch (way) {
                case OFF -> RuntimeColours.of(SchemeRuntime.WASMTIME, false);
                case AUTOMATIC -> RuntimeColours.WASMTIME_AUTOMATIC;
                case MANUAL_AFTER_WARM_UP -> RuntimeColours.of(SchemeRuntime.WASMTIME, true);
            };
            colour(chart.addSeries("tiering " + way.label(), x, ms), colour);
            low = Math.min(low, ms.stream().mapToDouble(Double::doubleValue).min().orElse(MIN_MS));
            high = Math.max(high, ms.stream().mapToDouble(Double::doubleValue).max().orElse(MIN_MS));
        }
        if (loop.steadyIndex().isPresent()) {
            double at = loop.steadyIndex().getAsInt() + 1;
            chart.addSeries("automatic: compiled speed from here", List.of(at, at), List.of(low, high));
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** XChart labels a log axis at its decades only; its values in between are what a reader looks up. */
    private static void labelBetweenDecades(XYChart chart) {
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
    }

    private static void colour(XYSeries series, Color colour) {
        series.setLineColor(colour);
        series.setMarkerColor(colour);
    }

    private static void save(CategoryChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static double positive(double ms) {
        return Math.max(ms, MIN_MS);
    }
}
