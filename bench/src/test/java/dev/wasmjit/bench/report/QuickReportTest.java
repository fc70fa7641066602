package dev.wasmjit.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuickReportTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void quickReportWritesTablesAndPlots(@TempDir Path out) throws IOException {
        int status = new CommandLine(new ReportCommand(System.err)).execute("-o", out.toString(), "--quick", "--repo", "..");

        assertThat(status).isZero();
        String report = Files.readString(out.resolve(Report.MARKDOWN));
        assertThat(report)
                .contains("- Machine: ", " cores, ", "- OS: ", "- JVM: ", "- Runtime: wasmtime-java ", "- Date: ")
                .containsPattern("- Guest: interplib.wasm, sha256 `[0-9a-f]{64}`")
                .doesNotContainPattern("(?i)issue \\d")
                // the quick protocol evaluates once: counts agree with their nouns
                .doesNotContainPattern("\\b1 (evaluations|calls)\\b")
                .contains("1 evaluation interpreted", "1 call of it")
                .contains("| geometric mean over the suite, our JIT / Guile 3 | ≤ 1.0× | ")
                .contains("| geometric mean over the suite, speed-up over our interpreter")
                .containsPattern("\\| trivial `eval` cost, bridge / the binding's cheapest call of a trivial export \\| ≤ 1.5× \\| [0-9.]+×")
                .containsPattern("\\| one JIT round, per function \\(100 functions\\) \\| ≤ 0.1 ms \\| ")
                // numbers not for comparison get no verdict
                .contains("| not judged (quick protocol) |", "no goal is judged on them")
                .doesNotContain("| yes |", "| **no** |", "Not met: ", "Every goal measured here is met")
                .containsPattern("\\| fib\\(20\\): straightforward JIT / our JIT \\| ≥ 6× \\| ")
                .containsPattern("\\| `SchemeInterpreter.eval` of `\\(\\+ 1 2\\)` \\(trivial eval\\) \\| [0-9.]+ \\| [0-9.]+× \\|")
                .containsPattern("\\| wasmtime-java `Func.call` of an exported `i32.add` \\| [0-9.]+ \\| [0-9.]+× \\|")
                .containsPattern("\\| \\*\\*geometric mean\\*\\* \\| \\*\\*[0-9.]+×\\*\\* \\|")
                .containsPattern("\\| functions\\(100\\) \\| 100 \\| [0-9]+ \\|")
                .containsPattern("\\| 20 \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|");
        // make writes guest/build/interp-native into the checkout: the header says whether it did
        assertThat(report).containsPattern("- native build: (guest/build/interp-native \\(g\\+\\+ -O2\\), .*; "
                + "(built by this report in the checkout \\(make -C guest build/interp-native\\)"
                + "|already up to date in the checkout)|not measured: .*)\n");
        // fib(20) is in both the seed's demo and the round-cost table: its two JIT rounds are two
        // measurements, so they carry two names, each explained, and no bare "JIT round" column
        assertThat(report)
                .contains("| program | wasmtime interpreted | our JIT | JIT round in the protocol |")
                .contains("| instantiate + patch | warm JIT round | per function |")
                .containsPattern("\\| warm JIT round of fib\\(20\\) \\(the phase table below\\) \\| < 5 ms \\| ")
                .contains("JIT round in the protocol: the round between", "A warm JIT round: ")
                .doesNotContain("| JIT round |", "| whole round |", "| one JIT round of fib");
        for (String program : suiteRows()) {
            // interpreted | JIT | JIT round
            assertThat(report).containsPattern("\\| " + program + " \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|");
        }
        for (String program : ReportOptions.QUICK_SUITE) {
            // the ratio table's row, starting with the speed-up
            assertThat(report).containsPattern("\\| " + program + " \\| [0-9.]+× \\|");
        }
        assertThat(report).contains("## Automatic tiering: a program run once", "### Goals", "### Where compiled code takes over")
                .containsPattern("\\| tak \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+× \\| [0-9.]+× \\|");
        assertThat(report).contains("## Static late linking: the first evaluation")
                .containsPattern("Static / live is [0-9.]+× for fib\\(20\\)")
                .containsPattern("\\| interplib.wasm \\| [0-9]+ \\| [0-9.]+ \\| 1.00× \\|")
                .containsPattern("\\| out.wasm of fib\\(20\\) \\| [0-9]+ \\| [0-9.]+ \\| [0-9.]+× \\|");
        for (String program : staticLinkingRows()) {
            assertThat(report).containsPattern("\\| " + program
                    + " \\| [0-9]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+× \\| [0-9.]+× \\| [0-9.]+ \\|");
        }
        for (String plot : Report.PLOTS) {
            if (plot.equals(Plots.RELATIVE_TO_GUILE) && report.contains("Guile: not measured")) {
                continue;
            }
            assertThat(report).contains("](" + plot + ")");
            byte[] png = Files.readAllBytes(out.resolve(plot));
            assertThat(png).startsWith(PNG_SIGNATURE).hasSizeGreaterThan(5_000);
        }
    }

    /** The suite's tables have a row for each program of the quick protocol's suite, and the seed's demo fib(20). */
    private static List<String> suiteRows() {
        List<String> rows = new ArrayList<>(List.of("fib\\(20\\)"));
        rows.addAll(ReportOptions.QUICK_SUITE);
        return rows;
    }

    /** The static linking table has a row for the headline fib and the quick protocol's examples. */
    private static List<String> staticLinkingRows() {
        List<String> rows = new ArrayList<>(List.of("fib\\(20\\)"));
        rows.addAll(ReportOptions.QUICK_STATIC_EXAMPLES);
        return rows;
    }
}
