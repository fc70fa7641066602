package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Program;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The native anchor: the guest's interpreter compiled for this machine
 * ({@code guest/build/interp-native}, brought up to date with {@code make} when make and g++
 * are installed: the report writes that file inside the checkout, and says so on its progress
 * stream and in the report's header). It has no JIT.
 *
 * <p>It evaluates each file argument in turn, so N evaluations take the time of a run with
 * N + 1 copies of the program minus a run with one copy: process start-up and the first
 * parse cancel out.
 */
final class NativeRunner {

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(5);
    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);

    private NativeRunner() {
    }

    /** The native build, relative to the checkout. */
    static final String BINARY = "guest/build/interp-native";

    static void measure(Optional<Path> repo, List<Program> programs, ReportOptions options, Path work,
                        Measurements measurements, PrintStream progress) throws IOException {
        if (repo.isEmpty()) {
            measurements.absent(SchemeRuntime.NATIVE, "no wasmjit checkout found from the working directory");
            return;
        }
        Path binary = repo.get().resolve(BINARY);
        boolean canBuild = ExternalCommand.onPath("make").isPresent() && ExternalCommand.onPath("g++").isPresent();
        String built = "";
        if (canBuild) {
            // make rebuilds only what changed: the binary then matches the guest's sources. It
            // writes into the user's checkout, so say so whenever it has anything to do
            // (make -q: exit status 0 when the target is up to date).
            boolean upToDate = ExternalCommand.of(repo.get(), "make", "-q", "-C", "guest", "build/interp-native")
                    .run(BUILD_LIMIT).succeeded();
            if (upToDate) {
                built = "; already up to date in the checkout";
            } else {
                progress.println("report: building " + binary + " (make -C guest build/interp-native)");
                built = "; built by this report in the checkout (make -C guest build/interp-native)";
            }
            ExternalCommand.of(repo.get(), "make", "-C", "guest", "build/interp-native").output(BUILD_LIMIT);
        } else if (!Files.isExecutable(binary)) {
            measurements.absent(SchemeRuntime.NATIVE, "guest/build/interp-native is missing and make or g++ is not installed");
            return;
        }
        measurements.version(SchemeRuntime.NATIVE, BINARY + " (g++ -O2), "
                + ExternalCommand.of(work, "g++", "--version").run(Duration.ofSeconds(30)).stdout().lines()
                .findFirst().orElse("g++") + built);
        for (Program program : programs) {
            Path file = ProgramFiles.write(work, program, ".scm");
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < options.warmupRounds() + options.rounds(); i++) {
                double once = timedRun(binary, file, 1, program, options.heapBytes());
                double many = timedRun(binary, file, options.evals() + 1, program, options.heapBytes());
                if (i >= options.warmupRounds()) {
                    samples.add(Math.max(0, many - once));
                }
            }
            measurements.record(SchemeRuntime.NATIVE, program.name(), Timing.interpreterOnly(samples));
        }
    }

    private static double timedRun(Path binary, Path file, int copies, Program program, int heapBytes)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.add("--heap");
        command.add(String.valueOf(heapBytes));
        command.addAll(Collections.nCopies(copies, file.toString()));
        long start = System.nanoTime();
        String output = new ExternalCommand(command, file.getParent(), java.util.Map.of()).output(RUN_LIMIT);
        long elapsed = System.nanoTime() - start;
        String expected = "result: " + program.expected();
        if (output.lines().filter(expected::equals).count() != copies) {
            throw new IOException("the native build did not print '" + expected + "' " + copies + " times for "
                    + program.name() + ": " + output.strip());
        }
        return elapsed / 1e6;
    }
}
