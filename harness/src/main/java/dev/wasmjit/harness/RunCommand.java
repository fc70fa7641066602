package dev.wasmjit.harness;

import dev.wasmjit.bridge.LinkReport;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.JitModule;
import dev.wasmjit.scheme.SchemeInterpreter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code wasmjit run FILE} or {@code wasmjit run -e EXPR}: evaluate a program and print its
 * result as the guest does, {@code result: N}. With {@code --jit}, each round evaluates,
 * compiles what ran and links it; a last evaluation then runs the compiled code.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Evaluate a Scheme program and print its result (result: N).",
            "With --jit: evaluate, compile what ran, link it, and evaluate again."})
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The program's source file.")
    private Path file;

    @Option(names = {"-e", "--expression"}, paramLabel = "EXPR", description = "The program's source text.")
    private String expression;

    @Option(names = "--jit", description = "After a first evaluation, compile and link what ran, then evaluate again.")
    private boolean jit;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Rounds of evaluate+compile+link before the final evaluation (implies --jit; default with --jit: 1).")
    private Integer rounds;

    @Option(names = "--stats", description = "Print what each JIT round compiled and linked (implies --jit).")
    private boolean stats;

    @Mixin
    private GuestOptions guest;

    @Spec
    private CommandSpec spec;

    private final StandardStreams streams;

    RunCommand(StandardStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        String source = source();
        int jitRounds = jitRounds();
        try (SchemeInterpreter scheme = guest.start(streams, streams.out())) {
            Expression program = scheme.parse(source);
            for (int round = 1; round <= jitRounds; round++) {
                scheme.eval(program);
                Optional<JitModule> module = scheme.jit();
                Optional<LinkReport> link = module.map(scheme::link);
                if (stats) {
                    streams.out().println(statsLine(round, module, link));
                }
            }
            scheme.eval(program);
        }
        return 0;
    }

    /** For example {@code jit round 1: 1 function compiled into 389 bytes (2 functions with the patch), table 5 -> 6}. */
    static String statsLine(int round, Optional<JitModule> module, Optional<LinkReport> link) {
        if (module.isEmpty() || link.isEmpty()) {
            return "jit round " + round + ": nothing to compile";
        }
        JitModule m = module.get();
        LinkReport r = link.get();
        String compiled = m.compiledCount() >= 0 ? plural(m.compiledCount(), "function") + " compiled into " : "compiled ";
        return "jit round " + round + ": " + compiled + m.size() + " bytes (" + plural(m.functionCount(), "function")
                + " with the patch), table " + r.tableSizeBefore() + " -> " + r.tableSizeAfter();
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private int jitRounds() {
        if (rounds == null) {
            return jit || stats ? 1 : 0;
        }
        if (rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds must be at least 1, was " + rounds);
        }
        return rounds;
    }

    /** A file that cannot be read is a usage error (status 2), like a mistyped option. */
    private String source() {
        if ((file == null) == (expression == null)) {
            throw new ParameterException(spec.commandLine(),
                    "give the program either as FILE or as -e EXPR (exactly one of them)");
        }
        if (expression != null) {
            return expression;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "no such file: " + file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + file + ": " + e);
        }
    }
}
