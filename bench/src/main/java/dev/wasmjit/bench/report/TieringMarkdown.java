package dev.wasmjit.bench.report;

import dev.wasmjit.bench.SingleRun.Way;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

import static dev.wasmjit.bench.report.ReportMarkdown.ms;
import static dev.wasmjit.bench.report.ReportMarkdown.ratio;

/**
 * The report's section on automatic tiering: its goals with verdicts, the table of programs
 * run once each way, and where compiled code took over in the timed loop. Its own file, as
 * the section is measured apart from the rest (a program run once, not the seed's protocol).
 */
final class TieringMarkdown {

    private static final String NONE = "–";

    /** Automatic tiering must buy at least this much over interpreting a program run once. */
    static final double SPEED_UP_GOAL = 5;
    /** And stay within this of the best case, manual after warm-up. */
    static final double BEST_CASE_GOAL = 1.3;
    /** The longest the guest thread may wait in one tiering import. */
    static final double WAIT_GOAL_MS = 1;

    private final StringBuilder out = new StringBuilder();

    private TieringMarkdown() {
    }

    /**
     * The section.
     *
     * @param options  the protocol
     * @param headline the seed's fib's row (the first of {@code rows})
     * @param rows     every program's row: the headline, then the suite's
     * @param loop     the timed loop
     * @return markdown, starting with its {@code ##} heading
     */
    static String write(ReportOptions options, TieringCost headline, List<TieringCost> rows, TieringTakeOver loop) {
        TieringMarkdown section = new TieringMarkdown();
        List<TieringCost> suite = rows.stream().filter(r -> r != headline).toList();
        section.intro(options, suite.size());
        section.goals(options, headline, suite, rows);
        section.table(rows, suite, options);
        section.takeOver(loop);
        return section.out.toString();
    }

    private void intro(ReportOptions options, int suitePrograms) {
        line("## Automatic tiering: a program run once");
        line();
        line("How `wasmjit run prog.scm` runs a program: once, in a fresh interpreter. Each program is run "
                + ReportMarkdown.count(options.tieringSamples(), "time") + " each way, the three ways one after the other in each"
                + " sample, every run in a fresh interpreter with a " + (options.heapBytes() >> 20) + " MiB heap: tiering off"
                + " (interpreted from start to end); automatic (the default of run, repl and serve: hot functions"
                + " compile on a background thread and link at the guest's next poll, thresholds and threads at their"
                + " defaults); manual after warm-up, the best case (one evaluation to warm up, one JIT round of"
                + " everything that ran, then the evaluation timed runs compiled from its start). Only the evaluation is"
                + " timed: instantiating the guest and parsing cost the same each way. Medians in milliseconds. Time to"
                + " steady state: from the start of the automatic run until its last round linked (read every 0.2 ms"
                + " from another thread), after which the compiled code of every function that had become hot runs."
                + " The suite: the " + suitePrograms + " programs of bench/programs" + (options.quick()
                ? " that the quick protocol runs (not the whole suite)" : "") + "; the r7rs-benchmarks suite is not"
                + " measured here (bench/README.md: `bench/r7rs-suite --tiering off|auto`).");
        line();
    }

    private void goals(ReportOptions options, TieringCost headline, List<TieringCost> suite, List<TieringCost> rows) {
        line("### Goals");
        line();
        line("| measure | goal | measured | met |");
        line("|---|---|---|---|");
        GoalVerdicts unmet = new GoalVerdicts(options.quick(), "not measured");
        line(unmet.row(headline.program() + " run once, tiering off / automatic", "≥ " + ratio(SPEED_UP_GOAL) + "×",
                OptionalDouble.of(headline.offOverAutomatic()), SPEED_UP_GOAL, true, "×", ""));
        line(unmet.row("geometric mean over the suite (" + suite.size() + " programs) run once, tiering off / automatic",
                "≥ " + ratio(SPEED_UP_GOAL) + "×", geometricMean(suite, TieringCost::offOverAutomatic), SPEED_UP_GOAL, true, "×", ""));
        line(unmet.row(headline.program() + " run once, automatic / manual after warm-up", "≤ " + ratio(BEST_CASE_GOAL) + "×",
                OptionalDouble.of(headline.automaticOverManual()), BEST_CASE_GOAL, false, "×", ""));
        line(unmet.row("geometric mean over the suite, automatic / manual after warm-up", "≤ " + ratio(BEST_CASE_GOAL) + "×",
                geometricMean(suite, TieringCost::automaticOverManual), BEST_CASE_GOAL, false, "×", ""));
        line(unmet.row("the guest thread's longest wait in a tiering import, over every automatic run", "≤ "
                        + ms(WAIT_GOAL_MS) + " ms",
                rows.stream().mapToDouble(TieringCost::longestWaitMs).max(), WAIT_GOAL_MS, false, " ms", ""));
        line();
        line(unmet.summary("Every tiering goal measured here is met."));
        line();
        line("The guest thread never blocks on a compilation: a poll that finds the round still compiling returns at"
                + " once. Its stays in the tiering imports are handing a module's bytes over (a copy, and the"
                + " compilation queued) and polling; the longest of them is the wait measured, in wall-clock time, so it"
                + " includes any time the guest thread was off the CPU meanwhile. Linking a finished round on the guest"
                + " thread is counted apart (link, in the table).");
        line();
    }

    private void table(List<TieringCost> rows, List<TieringCost> suite, ReportOptions options) {
        line("### Programs run once (ms, median of " + ReportMarkdown.count(options.tieringSamples(), "run") + ")");
        line();
        line("| program | tiering off | automatic | manual after warm-up | off / automatic | automatic / manual"
                + " | time to steady state | rounds | functions compiled | compile (background) | link (guest thread)"
                + " | wait (guest thread) | longest wait, median / max |");
        line("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (TieringCost row : rows) {
            line("| " + row.program() + " | " + ms(row.offMs()) + " | " + ms(row.automaticMs()) + " | " + ms(row.manualMs())
                    + " | " + ratio(row.offOverAutomatic()) + "× | " + ratio(row.automaticOverManual()) + "× | "
                    + (row.steadyMs().isPresent() ? ms(row.steadyMs().getAsDouble()) : NONE) + " | "
                    + count(row.rounds()) + " | " + count(row.functions()) + " | " + ms(row.compileMs()) + " | "
                    + ms(row.linkMs()) + " | " + ms(row.waitMs()) + " | " + ms(row.typicalWaitMs()) + " / "
                    + ms(row.longestWaitMs()) + " |");
        }
        line("| **geometric mean over the suite** | | | | **" + shown(geometricMean(suite, TieringCost::offOverAutomatic))
                + "** | **" + shown(geometricMean(suite, TieringCost::automaticOverManual)) + "** | | | | | | | |");
        line();
        line("A dash for the time to steady state: no round linked while the program ran (its run was over before a"
                + " compilation finished; the round links after it). Off / automatic: what automatic tiering buys;"
                + " automatic / manual: how far it stays from the best case, which is the interpreted time until the"
                + " rounds link plus the work the rounds took from the guest thread.");
        line();
    }

    private void takeOver(TieringTakeOver loop) {
        int count = loop.iterationMs().get(Way.OFF).size();
        line("### Where compiled code takes over");
        line();
        line("A loop of " + count + " iterations, each computing " + loop.work() + " and timing itself with"
                + " `current-jiffy`, run once each way (the loop's definitions evaluated first, untimed; manual warms up"
                + " with 2 iterations). Per iteration (median): tiering off " + ms(loop.medianMs(Way.OFF)) + " ms, manual"
                + " after warm-up " + ms(loop.medianMs(Way.MANUAL_AFTER_WARM_UP)) + " ms. Whole loop: off "
                + ms(loop.totalMs(Way.OFF)) + " ms, automatic " + ms(loop.totalMs(Way.AUTOMATIC)) + " ms, manual "
                + ms(loop.totalMs(Way.MANUAL_AFTER_WARM_UP)) + " ms.");
        line();
        StringBuilder automatic = new StringBuilder("Automatic: ");
        if (loop.firstLinkMs().isPresent()) {
            automatic.append("the first round linked about ").append(loop.firstLinkMs().getAsLong())
                    .append(" ms after the start (as a thread reading the statistics every 0.2 ms saw it); ");
        } else {
            automatic.append("no round linked while the loop ran; ");
        }
        if (loop.steadyIndex().isPresent()) {
            int steady = loop.steadyIndex().getAsInt();
            automatic.append("from iteration ").append(steady + 1).append(" on (").append(ms(loop.elapsedMs(Way.AUTOMATIC, steady)))
                    .append(" ms after the start) the iterations ran within ").append(ratio(TieringTakeOver.STEADY_FACTOR))
                    .append("× of manual's median, ").append(TieringTakeOver.STEADY_RUN)
                    .append(" in a row: the plot's vertical line.");
        } else {
            automatic.append("no ").append(TieringTakeOver.STEADY_RUN).append(" iterations in a row came within ")
                    .append(ratio(TieringTakeOver.STEADY_FACTOR)).append("× of manual's median.");
        }
        line(automatic.toString());
        line();
        line("![time per iteration of a loop run once, each way](" + Plots.TIERING_TAKE_OVER + ")");
        line();
    }

    private static OptionalDouble geometricMean(List<TieringCost> rows, ToDoubleFunction<TieringCost> ratio) {
        return ReportMarkdown.geometricMean(rows.stream().map(TieringCost::program).toList(), program -> rows.stream()
                .filter(r -> r.program().equals(program)).mapToDouble(ratio).findFirst());
    }

    private static String shown(OptionalDouble ratio) {
        return ratio.isPresent() ? ratio(ratio.getAsDouble()) + "×" : NONE;
    }

    /** A median count: whole unless the samples split. */
    private static String count(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.valueOf(value);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
