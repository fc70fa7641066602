package dev.wasmjit.bench.report;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code wasmjit report -o DIR [--quick]}: measures the JIT side by side with its anchors and
 * writes DIR/report.md and PNG plots. Run it from a wasmjit checkout so that the anchors that
 * need one (V8 through guest/test/host.mjs, the native build, the baseline wasm) are found.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Benchmark the JIT side by side (wasmtime, V8, native, Guile, Chez) and write DIR/report.md with PNG plots.")
public final class ReportCommand implements Callable<Integer> {

    private final PrintStream progress;

    /**
     * A report command that says what it measures on this stream.
     *
     * @param progress where progress lines go (the harness passes its stderr)
     */
    public ReportCommand(PrintStream progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Directory to write report.md and the plots into.")
    Path output;

    @Option(names = "--quick", description = "A seconds-long protocol for tests; its numbers are not for comparison.")
    boolean quick;

    @Option(names = "--only", paramLabel = "SECTION",
            description = "Measure one section alone: tiering (a program run once with tiering off, automatic and manual).")
    String only;

    @Option(names = "--repo", paramLabel = "DIR",
            description = "The wasmjit checkout (default: found from the working directory upwards).")
    Path repo;

    /**
     * Runs the report.
     *
     * @return 0 when the report was written
     */
    @Override
    public Integer call() {
        Report.Sections sections = Report.Sections.ALL;
        if (only != null) {
            if (!only.equals("tiering")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--only takes tiering, was " + only);
            }
            sections = Report.Sections.TIERING;
        }
        ReportOptions options = ReportOptions.lookingFrom(quick, repo != null ? repo : Path.of(""));
        Report.run(output, options, sections, progress);
        progress.println("wrote " + output.resolve(Report.MARKDOWN));
        return 0;
    }

    /**
     * Runs the command on its own, without the harness's other commands.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ReportCommand(System.err)).execute(args));
    }
}
