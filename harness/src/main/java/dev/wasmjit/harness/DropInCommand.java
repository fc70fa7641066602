package dev.wasmjit.harness;

import dev.wasmjit.bridge.LinkReport;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.JitModule;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.SchemeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code wasmjit} with no command: the seed's {@code python3 interp.py}, line for line. Parse
 * fib (or any program, {@code --program FILE}), evaluate it five times, ask the guest for a JIT
 * module, link it, evaluate five times again, timing both rounds.
 */
@Command(name = "wasmjit", mixinStandardHelpOptions = true, versionProvider = WasmjitVersion.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Just-in-time code generation for WebAssembly, hosted from Java.",
            "Without a command: the seed's interp.py demo. Evaluate fib (or --program FILE), link the "
                    + "JIT module the guest generates, evaluate again, and time both rounds."})
final class DropInCommand implements Callable<Integer> {

    @Option(names = "--fib", paramLabel = "N", defaultValue = "30",
            description = "Evaluate (fib N) (default: ${DEFAULT-VALUE}).")
    private int fib;

    @Option(names = "--program", paramLabel = "FILE",
            description = "Evaluate this program file instead of fib, with the same protocol and lines.")
    private Path programFile;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "5",
            description = "Evaluations per round (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--no-jit", description = "Stop after the interpreted round.")
    private boolean noJit;

    @Option(names = "--json", description = "Print only one JSON object with the timings on stdout.")
    private boolean json;

    @Mixin
    private GuestOptions guest;

    @Spec
    private CommandSpec spec;

    private final StandardStreams streams;

    DropInCommand(StandardStreams streams) {
        this.streams = streams;
    }

    /** The seed's program, with its blank lines around it: interp.py prints it as is. */
    static String fibProgram(int n) {
        return """

                (letrec ((fib (lambda (n)
                                (if (< n 2)
                                    1
                                    (+ (fib (- n 1))
                                       (fib (- n 2)))))))
                  (fib %d))
                """.formatted(n);
    }

    @Override
    public Integer call() {
        if (iterations < 1) {
            throw new ParameterException(spec.commandLine(), "--iterations must be at least 1, was " + iterations);
        }
        if (fib < 0) {
            throw new ParameterException(spec.commandLine(), "--fib must not be negative, was " + fib);
        }
        if (programFile != null && spec.commandLine().getParseResult().hasMatchedOption("--fib")) {
            throw new ParameterException(spec.commandLine(), "--fib and --program exclude each other: give one program");
        }
        // The file's text as it is: interp.py prints its program verbatim after "Parsing: ".
        String program = programFile != null ? SourceFile.read(programFile, spec.commandLine()) : fibProgram(fib);
        OutputStream guestStdout = json ? OutputStream.nullOutputStream() : streams.out();
        try (SchemeInterpreter scheme = guest.start(streams, guestStdout)) {
            say("Parsing: " + program);
            Expression expression = scheme.parse(program);
            say("Parse result: " + expression);
            List<SchemeValue> results = new ArrayList<>();
            DropInTimings.Round interpreted = evalRound(scheme, expression, results);

            Optional<JitModule> jitModule = Optional.empty();
            Optional<LinkReport> link = Optional.empty();
            Optional<DropInTimings.Round> compiled = Optional.empty();
            if (!noJit) {
                say("Calling jitModule()");
                jitModule = scheme.jit();
                say("jitModule result: " + jitModule.map(JitModule::toString).orElse("0 (nothing to compile)"));
                if (jitModule.isPresent()) {
                    say("Instantiating and patching in JIT module");
                    link = Optional.of(scheme.link(jitModule.get()));
                }
                compiled = Optional.of(evalRound(scheme, expression, results));
            }
            if (json) {
                streams.out().println(new DropInTimings(guest.module().map(Object::toString).orElse("bundled"),
                        programFile == null ? Optional.of(fib) : Optional.empty(),
                        Optional.ofNullable(programFile).map(Path::toString), iterations, guest.heapBytes(), expression.toString(),
                        results.get(results.size() - 1), interpreted, jitModule, link, compiled)
                        .toJson());
            }
        }
        return 0;
    }

    /** interp.py times the whole loop, printing included; so do we, and keep each eval's time too. */
    private DropInTimings.Round evalRound(SchemeInterpreter scheme, Expression expression, List<SchemeValue> results) {
        say("Calling eval(" + expression + ") " + iterations + " times");
        List<Double> seconds = new ArrayList<>();
        long roundStart = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            results.add(scheme.eval(expression));
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        double roundSeconds = (System.nanoTime() - roundStart) / 1e9;
        say("Calling eval(" + expression + ") " + iterations + " times took " + PythonFloat.repr(roundSeconds) + "s.");
        return new DropInTimings.Round(roundSeconds, seconds);
    }

    private void say(String line) {
        if (!json) {
            streams.out().println(line);
        }
    }
}
