package dev.wasmjit.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A report section's goals: a table row per goal with what was measured and whether it is met,
 * then a line that sums them up. The quick protocol's numbers are not for comparison, so under
 * it no goal is judged at all.
 */
final class GoalVerdicts {

    private static final String NONE = "–";

    private final boolean quick;
    private final String notMeasured;
    private final List<String> unmet = new ArrayList<>();

    /**
     * @param quick       whether the numbers come from the quick protocol
     * @param notMeasured what the measured column says of a goal with no number
     */
    GoalVerdicts(boolean quick, String notMeasured) {
        this.quick = quick;
        this.notMeasured = notMeasured;
    }

    /**
     * The table row of one goal: {@code measured} against {@code bound}, which it must reach
     * ({@code atLeast}) or stay under, shown in {@code unit} (" ms" or "×") with a note after it.
     */
    String row(String measure, String goal, OptionalDouble measured, double bound, boolean atLeast, String unit,
               String note) {
        if (measured.isEmpty()) {
            return "| " + measure + " | " + goal + " | " + notMeasured + " | " + NONE + " |";
        }
        double value = measured.getAsDouble();
        String shown = (unit.equals(" ms") ? ReportMarkdown.ms(value) : ReportMarkdown.ratio(value)) + unit;
        if (quick) {
            return "| " + measure + " | " + goal + " | " + shown + note + " | not judged (quick protocol) |";
        }
        boolean met = atLeast ? value >= bound : value <= bound;
        if (!met) {
            unmet.add(measure + " is " + shown + note + ", the goal " + goal);
        }
        return "| " + measure + " | " + goal + " | " + shown + note + " | " + (met ? "yes" : "**no**") + " |";
    }

    /** The line after the table: which goals are not met, or {@code allMet}. */
    String summary(String allMet) {
        if (quick) {
            return "The quick protocol's numbers are not for comparison, so no goal is judged on them: "
                    + "the full protocol (without --quick) says which are met.";
        }
        return unmet.isEmpty() ? allMet : "Not met: " + String.join("; ", unmet) + ".";
    }
}
