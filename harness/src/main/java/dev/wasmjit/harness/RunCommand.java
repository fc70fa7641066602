package dev.wasmjit.harness;

import dev.wasmjit.bridge.GuestTrap;
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

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code wasmjit run FILE}, {@code wasmjit run -e EXPR} or {@code wasmjit run --handle ADDRESS}
 * (an expression a statically linked module already holds): evaluate a program and print its
 * result as the guest does, {@code result: N}. With {@code --jit}, each round evaluates,
 * compiles what ran and links it; a last evaluation then runs the compiled code. The program
 * reads the process's standard input as its {@code current-input-port}.
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

    @Option(names = "--handle", paramLabel = "ADDRESS", converter = AddressConverter.class,
            description = "Evaluate the expression already in the module: the handle `wasmjit link` printed (handle: 0x...), given with the --module it wrote.")
    private Integer handle;

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
        Optional<String> source = source();
        int jitRounds = jitRounds();
        try (SchemeInterpreter scheme = guest.start(streams, streams.out(), System.in)) {
            if (source.isPresent()) {
                evaluate(scheme, scheme.parse(source.get()), jitRounds);
            } else {
                evaluateHandle(scheme, jitRounds);
            }
        }
        return 0;
    }

    private void evaluate(SchemeInterpreter scheme, Expression program, int jitRounds) {
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

    /**
     * Evaluates {@code --handle}. A guest that can say which addresses are expressions
     * ({@link ExpressionHandles}) refuses any other before it runs. One that cannot evaluates
     * whatever lies there; a trap, or a result the bridge cannot read, then names the address
     * as the likely cause.
     */
    private void evaluateHandle(SchemeInterpreter scheme, int jitRounds) {
        Expression program = expressionAt(scheme, handle);
        Optional<Boolean> known = ExpressionHandles.isExpression(scheme, handle);
        if (known.isPresent() && !known.get()) {
            throw new ParameterException(spec.commandLine(), "--handle: " + program
                    + " is not an expression this module holds; give the handle `wasmjit link` printed"
                    + " for the module given as --module");
        }
        if (known.isPresent()) {
            evaluate(scheme, program, jitRounds);
            return;
        }
        try {
            evaluate(scheme, program, jitRounds);
        } catch (GuestTrap | IllegalStateException e) {
            if (e.getCause() instanceof dev.wasmjit.bridge.GuestError) {
                throw e;
            }
            throw new IllegalStateException("evaluating --handle " + program + " failed: "
                    + ProgramErrorHandler.message(e) + " (this module cannot say which addresses are"
                    + " expressions: is it the handle `wasmjit link` printed for this module?)", e);
        }
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

    private Expression expressionAt(SchemeInterpreter scheme, int address) {
        try {
            return scheme.expressionAt(address);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--handle: " + e.getMessage());
        }
    }

    /** The program's text, or empty for {@code --handle}; checked before the guest starts. */
    private Optional<String> source() {
        int given = (file == null ? 0 : 1) + (expression == null ? 0 : 1) + (handle == null ? 0 : 1);
        if (given != 1) {
            throw new ParameterException(spec.commandLine(),
                    "give the program as FILE, as -e EXPR or as --handle ADDRESS (exactly one of them)");
        }
        if (handle != null) {
            return Optional.empty();
        }
        return Optional.of(expression != null ? expression : SourceFile.read(file, spec.commandLine()));
    }
}
