package dev.wasmjit.reliability;

import dev.wasmjit.scheme.SchemeInterpreter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The guest's native build ({@code guest/build/interp-native}), run once for many programs:
 * it evaluates each {@code -e} argument in turn in one interpreter, stdout and stderr flushed
 * into one pipe in order. Between two programs it evaluates {@link #SEPARATOR}, whose output
 * cuts the pipe into each program's transcript: its output, then its {@code result:} or
 * {@code error:} line. The separator also ends any line a program left open, so that each
 * program starts on a fresh line as it does in any other interpreter.
 */
final class NativeGuest {

    /** Evaluated after each program. No generated program prints {@code <<}. */
    static final String SEPARATOR = "(display \"\\n<<end of program>>\")";
    /** What the separator prints: its output, a line break the guest adds, its result. */
    private static final String SEPARATOR_OUTPUT = "\n<<end of program>>\nresult: #<unspecified>\n";

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
     * @return one transcript per program, in order: what it printed on stdout and stderr
     */
    List<String> run(List<String> programs, int heapBytes) throws IOException, InterruptedException {
        List<String> transcripts = new ArrayList<>(programs.size());
        int from = 0;
        while (from < programs.size()) {
            int to = from;
            int bytes = 0;
            while (to < programs.size() && (to == from || bytes + programs.get(to).length() < MAX_ARGUMENT_BYTES)) {
                bytes += programs.get(to).length();
                to++;
            }
            transcripts.addAll(runOneProcess(programs.subList(from, to), heapBytes));
            from = to;
        }
        return transcripts;
    }

    private List<String> runOneProcess(List<String> programs, int heapBytes) throws IOException, InterruptedException {
        // The heap grows as far as an interpreter's does by default, so that a program building
        // big data gives the same outcome natively.
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--heap", String.valueOf(heapBytes),
                "--heap-limit", String.valueOf(SchemeInterpreter.DEFAULT_MAX_HEAP_BYTES)));
        for (String program : programs) {
            command.add("-e");
            command.add(program);
            command.add("-e");
            command.add(SEPARATOR);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the native guest did not finish " + programs.size() + " programs in 2 minutes");
        }
        if (!output.endsWith(SEPARATOR_OUTPUT)) {
            throw new IllegalStateException("the native guest's output does not end with the separator's:\n" + tail(output));
        }
        List<String> transcripts = Arrays.asList(
                output.substring(0, output.length() - SEPARATOR_OUTPUT.length()).split(Pattern.quote(SEPARATOR_OUTPUT), -1));
        if (transcripts.size() != programs.size()) {
            throw new IllegalStateException("the native guest printed " + transcripts.size() + " transcripts for "
                    + programs.size() + " programs:\n" + tail(output));
        }
        return transcripts;
    }

    private static String tail(String output) {
        return output.length() <= 2000 ? output : "..." + output.substring(output.length() - 2000);
    }
}
