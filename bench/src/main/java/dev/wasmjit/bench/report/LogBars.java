package dev.wasmjit.bench.report;

import org.knowm.xchart.CategoryChart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Bars on a log scale that rise or fall from a baseline, each runtime in its own colour.
 *
 * <p>XChart draws a bar on a logarithmic axis from the bottom of the axis, so a ratio of 0.3
 * to Guile would rise like a slower one. Here the axis is linear in log10(value / baseline):
 * XChart draws bars from zero, which is the baseline, so values below it hang down and values
 * above it rise, and the tick labels are the values again (10 to the tick), at XChart's
 * evenly spaced ticks: 1, 1.6, 2.5, 4, 6.3, 10, ... at the report's tick spacing.
 */
final class LogBars {

    /**
     * One bar series: a runtime, compiled or interpreted, and its value for each program.
     *
     * @param runtime  whose colour it takes
     * @param compiled its compiled code, else its interpreter
     * @param name     the legend's name
     * @param value    the value for a program, empty when not measured
     */
    record Series(SchemeRuntime runtime, boolean compiled, String name, Function<String, OptionalDouble> value) {
    }

    /** Values below this are drawn at it: the log of zero is not drawn. */
    private static final double SMALLEST = 1e-6;

    private LogBars() {
    }

    /**
     * Adds the series that have a value for every program (XChart needs equal lengths), and
     * sets the axis to the whole decades that hold the bars and the baseline.
     *
     * @param chart    a bar chart with a linear y axis
     * @param baseline the value bars start from (1 for ratios)
     * @param programs the categories
     * @param series   the candidates, in legend order
     */
    static void fromBaseline(CategoryChart chart, double baseline, List<String> programs, List<Series> series) {
        double low = 0;
        double high = 0;
        for (Series one : series) {
            List<Double> heights = new ArrayList<>();
            for (String program : programs) {
                OptionalDouble value = one.value().apply(program);
                if (value.isEmpty()) {
                    break;
                }
                heights.add(Math.log10(Math.max(value.getAsDouble(), SMALLEST) / baseline));
            }
            if (heights.size() < programs.size()) {
                continue;
            }
            for (double height : heights) {
                low = Math.min(low, Math.floor(height));
                high = Math.max(high, Math.ceil(height));
            }
            chart.addSeries(one.name(), programs, heights).setFillColor(RuntimeColours.of(one.runtime(), one.compiled()));
        }
        // At least two decades: the ticks then stay a tenth of a decade apart or more, so every
        // label of two significant figures is distinct (XChart needs them to be).
        if (high - low < 2) {
            if (low < 0 && high == 0) {
                low = high - 2;
            } else {
                high = low + 2;
            }
        }
        chart.getStyler().setYAxisMin(low);
        chart.getStyler().setYAxisMax(high);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(height -> label(baseline * Math.pow(10, height)));
    }

    /** A tick's value to two significant figures, without trailing zeros: 0.25, 1, 6.3, 100. */
    static String label(double value) {
        return new BigDecimal(value).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }
}
