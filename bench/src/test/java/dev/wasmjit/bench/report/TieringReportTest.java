package dev.wasmjit.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code wasmjit report --only tiering --quick}: the tiering section's goals, rows and plot, never its numbers' sizes. */
class TieringReportTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void theTieringSectionAloneHasItsGoalsARowPerProgramAndTheTakeOverPlot(@TempDir Path out) throws IOException {
        int status = new CommandLine(new ReportCommand(System.err))
                .execute("-o", out.toString(), "--quick", "--only", "tiering", "--repo", "..");

        assertThat(status).isZero();
        String report = Files.readString(out.resolve(Report.MARKDOWN));
        assertThat(report)
                .contains("# wasmjit benchmark report: automatic tiering (quick protocol", "- Machine: ", "- Guest: interplib.wasm")
                .contains("## Automatic tiering: a program run once", "### Goals")
                .containsPattern("\\| fib\\(20\\) run once, tiering off / automatic \\| ≥ 5.00× \\| [0-9.]+× \\| not judged \\(quick protocol\\) \\|")
                .containsPattern("\\| geometric mean over the suite \\(2 programs\\) run once, tiering off / automatic \\| ≥ 5.00× \\| [0-9.]+× \\|")
                .containsPattern("\\| fib\\(20\\) run once, automatic / manual after warm-up \\| ≤ 1.30× \\| [0-9.]+× \\|")
                .containsPattern("\\| geometric mean over the suite, automatic / manual after warm-up \\| ≤ 1.30× \\| [0-9.]+× \\|")
                .containsPattern("\\| the guest thread's longest wait in a tiering import, over every automatic run \\| ≤ 1.0 ms \\| [0-9.]+ ms \\|")
                .contains("The quick protocol's numbers are not for comparison, so no goal is judged on them")
                .doesNotContain("| yes |", "| **no** |", "Not met: ")
                .containsPattern("\\| \\*\\*geometric mean over the suite\\*\\* \\| \\| \\| \\| \\*\\*[0-9.]+×\\*\\* \\| \\*\\*[0-9.]+×\\*\\* \\|")
                .containsPattern("A loop of 20 iterations, each computing \\(work 12\\)")
                .contains("](" + Plots.TIERING_TAKE_OVER + ")");
        for (String program : new String[] {"fib\\(20\\)", "tak", "nqueens"}) {
            // off | automatic | manual | off / automatic | automatic / manual | steady | rounds | functions
            assertThat(report).containsPattern("\\| " + program + " \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+× \\| [0-9.]+× \\| "
                    + "([0-9.]+|–) \\| [0-9.]+ \\| [0-9.]+ \\|");
        }
        assertThat(report).doesNotContain("## The suite").doesNotContainPattern("(?m)^## Goals$");
        byte[] png = Files.readAllBytes(out.resolve(Plots.TIERING_TAKE_OVER));
        assertThat(png).startsWith(PNG_SIGNATURE).hasSizeGreaterThan(5_000);
    }

    @Test
    void anUnknownSectionIsAUsageError(@TempDir Path out) {
        int status = new CommandLine(new ReportCommand(System.err)).execute("-o", out.toString(), "--only", "suite");

        assertThat(status).isEqualTo(2);
        assertThat(out.resolve(Report.MARKDOWN)).doesNotExist();
    }
}
