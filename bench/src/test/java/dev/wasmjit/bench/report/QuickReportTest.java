package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Program;
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
                .contains("| issue 6: interpreted / JIT on wasmtime ≥ 1.8× | ")
                .contains("| issue 8: baseline JIT / JIT ≥ 6× | ")
                .containsPattern("\\| functions\\(100\\) \\| 100 \\| [0-9]+ \\|")
                .containsPattern("\\| 20 \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|");
        for (String program : programRows()) {
            // interpreted | JIT | speed-up | JIT round: only the programs table has a ratio in the 4th column
            assertThat(report).containsPattern("\\| " + program + " \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+× \\| [0-9.]+ \\|");
        }
        assertThat(report).contains("## Static late linking: the first evaluation")
                .containsPattern("Static / live is [0-9.]+× for fib\\(20\\)")
                .containsPattern("\\| interplib.wasm \\| [0-9]+ \\| [0-9.]+ \\| 1.00× \\|")
                .containsPattern("\\| out.wasm of fib\\(20\\) \\| [0-9]+ \\| [0-9.]+ \\| [0-9.]+× \\|");
        for (String program : programRows()) {
            assertThat(report).containsPattern("\\| " + program
                    + " \\| [0-9]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+× \\| [0-9.]+× \\| [0-9.]+ \\|");
        }
        for (String plot : Report.PLOTS) {
            assertThat(report).contains("](" + plot + ")");
            byte[] png = Files.readAllBytes(out.resolve(plot));
            assertThat(png).startsWith(PNG_SIGNATURE).hasSizeGreaterThan(5_000);
        }
    }

    /** The programs table and the static linking table each have a row for the headline fib and every example. */
    private static List<String> programRows() {
        List<String> rows = new ArrayList<>(List.of("fib\\(20\\)"));
        rows.addAll(Program.EXAMPLE_NAMES);
        return rows;
    }
}
