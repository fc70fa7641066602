package dev.wasmjit.bench.report;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's bar charts, drawn from measurements made up for the purpose (no timing is measured). */
class PlotsTest {

    private static final List<String> PROGRAMS = List.of("tak", "string-kernel");

    @Test
    void everyRuntimeHasOneColourAcrossTheCharts() {
        Map<String, CategorySeries> times = Plots.programsChart(PROGRAMS, measurements(), 1).getSeriesMap();
        Map<String, CategorySeries> ratios = Plots.relativeToGuileChart(PROGRAMS, measurements()).orElseThrow().getSeriesMap();

        assertThat(ratios.keySet()).contains("wasmtime JIT", "wasmtime interpreted", "Chez Scheme");
        for (String name : ratios.keySet()) {
            assertThat(ratios.get(name).getFillColor()).as(name).isEqualTo(times.get(name).getFillColor());
        }
        assertThat(times.get("wasmtime JIT").getFillColor()).isEqualTo(RuntimeColours.of(SchemeRuntime.WASMTIME, true));
        for (Map<String, CategorySeries> chart : List.of(times, ratios)) {
            List<Color> colours = chart.values().stream().map(CategorySeries::getFillColor).toList();
            assertThat(colours).doesNotHaveDuplicates();
        }
    }

    @Test
    void ratioBarsHangFromGuilesTimeWhenFasterAndRiseWhenSlower() {
        CategoryChart chart = Plots.relativeToGuileChart(PROGRAMS, measurements()).orElseThrow();

        // Chez takes a quarter of Guile's time on tak; wasmtime's JIT 4 times Guile's time.
        List<Double> chez = heights(chart, "Chez Scheme");
        List<Double> jit = heights(chart, "wasmtime JIT");
        assertThat(chez.get(0)).isNegative();
        assertThat(jit.get(0)).isPositive();
        assertThat(chart.getStyler().getYAxisMin()).isNegative();
        assertThat(chart.getStyler().getYAxisMax()).isPositive();
        // zero on the axis is the baseline, labelled 1 (Guile's time), and the bars' heights read back as ratios
        assertThat(chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(0.0)).isEqualTo("1");
        assertThat(chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(chez.get(0))).isEqualTo("0.25");
        assertThat(chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(jit.get(0))).isEqualTo("4");
        assertThat(BitmapEncoder.getBufferedImage(chart).getHeight()).isPositive();
    }

    @Test
    void timeBarsRiseFromTheDecadeBelowTheFastest() {
        CategoryChart chart = Plots.programsChart(PROGRAMS, measurements(), 1);

        assertThat(chart.getStyler().getYAxisMin()).isZero();
        // the fastest, Chez on tak at 3 ms, stands on the 1 ms decade
        assertThat(chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(0.0)).isEqualTo("1");
        assertThat(heights(chart, "Chez Scheme")).allSatisfy(height -> assertThat(height).isPositive());
        assertThat(BitmapEncoder.getBufferedImage(chart).getHeight()).isPositive();
    }

    @Test
    void tickLabelsHaveTwoSignificantFigures() {
        assertThat(LogBars.label(Math.pow(10, 0.2))).isEqualTo("1.6");
        assertThat(LogBars.label(Math.pow(10, -0.6))).isEqualTo("0.25");
        assertThat(LogBars.label(100.0000001)).isEqualTo("100");
    }

    private static List<Double> heights(CategoryChart chart, String series) {
        return chart.getSeriesMap().get(series).getYData().stream().map(Number::doubleValue).toList();
    }

    /** wasmtime 4× Guile's time on tak and 0.5× on string-kernel; Chez a quarter of Guile's on both. */
    private static Measurements measurements() {
        Measurements measurements = new Measurements();
        measurements.record(SchemeRuntime.WASMTIME, "tak", timing(600, 48));
        measurements.record(SchemeRuntime.WASMTIME, "string-kernel", timing(500, 200));
        measurements.record(SchemeRuntime.GUILE, "tak", timing(OptionalDouble.empty(), 12));
        measurements.record(SchemeRuntime.GUILE, "string-kernel", timing(OptionalDouble.empty(), 400));
        measurements.record(SchemeRuntime.CHEZ, "tak", timing(OptionalDouble.empty(), 3));
        measurements.record(SchemeRuntime.CHEZ, "string-kernel", timing(OptionalDouble.empty(), 100));
        measurements.absent(SchemeRuntime.NODE, "not installed");
        return measurements;
    }

    private static Timing timing(double interpretedMs, double compiledMs) {
        return timing(OptionalDouble.of(interpretedMs), compiledMs);
    }

    private static Timing timing(OptionalDouble interpretedMs, double compiledMs) {
        return new Timing(interpretedMs, OptionalDouble.empty(), OptionalDouble.of(compiledMs));
    }
}
