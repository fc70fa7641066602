package dev.wasmjit.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The guest's native build ({@code guest/build/interp-native}), run once for many programs:
 * it evaluates each {@code -e} argument in turn and prints one {@code result:} or
 * {@code error:} line for each, stdout and stderr flushed into one pipe in order.
 */
final class NativeGuest {

    /** Stays well below the kernel's limit on one process's arguments. */
    private static final int MAX_ARGUMENT_BYTES = 100_000;

    private final Path executable;

    private NativeGuest(Path executable) {
        this.executable = executable;
    }

    /** The native build named by the system property {@code reliability.nativeGuest}, if it was built. */
    static Optional<NativeGuest> ifBuilt() {
        Path executable = whereExpected();
        return Files.isExecutable(executable) ? Optional.of(new NativeGuest(executable)) : Optional.empty();
    }

    static Path whereExpected() {
        return Path.of(System.getProperty("reliability.nativeGuest", "../guest/build/interp-native"))
                .toAbsolutePath().normalize();
    }

    /**
     * Evaluates every program with the given heap size.
     *
     * @return one outcome per program, in order
     */
    List<Outcome> run(List<String> programs, int heapBytes) throws IOException, InterruptedException {
        List<Outcome> outcomes = new ArrayList<>(programs.size());
        int from = 0;
        while (from < programs.size()) {
            int to = from;
            int bytes = 0;
            while (to < programs.size() && (to == from || bytes + programs.get(to).length() < MAX_ARGUMENT_BYTES)) {
                bytes += programs.get(to).length();
                to++;
            }
            outcomes.addAll(runOneProcess(programs.subList(from, to), heapBytes));
            from = to;
        }
        return outcomes;
    }

    private List<Outcome> runOneProcess(List<String> programs, int heapBytes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--heap", String.valueOf(heapBytes)));
        for (String program : programs) {
            command.add("-e");
            command.add(program);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the native guest did not finish " + programs.size() + " programs in 2 minutes");
        }
        List<String> lines = output.lines().toList();
        if (lines.size() != programs.size()) {
            throw new IllegalStateException("the native guest printed " + lines.size() + " lines for "
                    + programs.size() + " programs:\n" + output);
        }
        return lines.stream().map(line -> new Outcome(line, Optional.empty())).toList();
    }
}
