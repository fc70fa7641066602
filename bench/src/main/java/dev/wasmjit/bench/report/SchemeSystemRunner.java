package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Program;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Scheme systems the report measures beside the JIT: Guile 3 and Chez Scheme compiling the
 * very same program text.
 * Each program becomes the body of a procedure {@code run} in a script that times warm-up
 * and measured batches of N calls with the system's own monotonic clock, so start-up and
 * compilation are not counted.
 */
final class SchemeSystemRunner {

    private static final Duration LIMIT = Duration.ofMinutes(5);

    /**
     * One Scheme system: how to run a script and read its clock in milliseconds.
     *
     * @param column     its column in the report
     * @param executable the program on the PATH
     * @param script     arguments before the script's path
     * @param nowMs      a definition of {@code (now-ms)}
     */
    record SchemeSystem(SchemeRuntime column, String executable, List<String> script, String nowMs) {
    }

    static final SchemeSystem GUILE = new SchemeSystem(SchemeRuntime.GUILE, "guile", List.of(),
            "(define (now-ms) (/ (* 1000.0 (get-internal-real-time)) internal-time-units-per-second))");

    static final SchemeSystem CHEZ = new SchemeSystem(SchemeRuntime.CHEZ, "scheme", List.of("--script"),
            "(define (now-ms) (let ((t (current-time 'time-monotonic)))"
                    + " (+ (* 1000.0 (time-second t)) (/ (time-nanosecond t) 1e6))))");

    private SchemeSystemRunner() {
    }

    static void measure(SchemeSystem system, List<Program> programs, ReportOptions options, Path work,
                        Measurements measurements) throws IOException {
        Optional<Path> executable = ExternalCommand.onPath(system.executable());
        if (executable.isEmpty()) {
            measurements.absent(system.column(), system.executable() + " is not installed");
            return;
        }
        ExternalCommand.ProcessOutcome version = ExternalCommand.of(work, executable.get().toString(), "--version")
                .run(Duration.ofSeconds(30));
        // Chez prints its version on stderr, Guile on stdout.
        measurements.version(system.column(), (version.stdout() + version.stderr()).lines()
                .findFirst().orElse(system.executable()).strip());
        Path cache = Files.createDirectories(work.resolve("scheme-cache"));
        for (Program program : programs) {
            Path script = Files.writeString(work.resolve(system.executable() + "-"
                    + ProgramFiles.write(work, program, ".scm").getFileName()), script(system, program, options));
            List<String> command = new ArrayList<>();
            command.add(executable.get().toString());
            command.addAll(system.script());
            command.add(script.toString());
            String output = new ExternalCommand(command, work, Map.of("XDG_CACHE_HOME", cache.toString()))
                    .output(LIMIT);
            List<Double> samples = new ArrayList<>();
            for (String line : output.strip().split("\n")) {
                String[] fields = line.strip().split(" ", 2);
                if (fields.length != 2 || !fields[1].equals(program.expected())) {
                    throw new IOException(system.executable() + " ran " + program.name() + " and printed '" + line
                            + "', expected a time and " + program.expected());
                }
                samples.add(Double.parseDouble(fields[0]));
            }
            measurements.record(system.column(), program.name(), Timing.compiledOnly(samples));
        }
    }

    private static String script(SchemeSystem system, Program program, ReportOptions options) {
        return system.nowMs() + "\n"
                + "(define (run)\n" + program.source() + "\n)\n"
                + "(define (batch n r) (if (= n 0) r (batch (- n 1) (run))))\n"
                + "(define (measure k)\n"
                + "  (if (< k " + (options.warmupRounds() + options.rounds()) + ")\n"
                + "      (let* ((t0 (now-ms)) (r (batch " + options.evals() + " #f)) (t1 (now-ms)))\n"
                + "        (if (>= k " + options.warmupRounds() + ")\n"
                + "            (begin (display (- t1 t0)) (display \" \") (write r) (newline)))\n"
                + "        (measure (+ k 1)))))\n"
                + "(measure 0)\n";
    }
}
