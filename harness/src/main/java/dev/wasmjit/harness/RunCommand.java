package dev.wasmjit.harness;

import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.LinkReport;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.JitModule;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.Tiering;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Parameters(index = "0", paramLabel = "FILE", arity = "0..1", description = "The program's source file.")
    private Path file;

    @Parameters(index = "1..*", paramLabel = "ARG",
            description = "Arguments for the program: (command-line) is FILE followed by them.")
    private List<String> programArguments = new ArrayList<>();

    @Option(names = {"-e", "--expression"}, paramLabel = "EXPR", description = "The program's source text.")
    private String expression;

    @Option(names = "--handle", paramLabel = "ADDRESS", converter = AddressConverter.class,
            description = "Evaluate the expression already in the module: the handle `wasmjit link` printed (handle: 0x...), given with the --module it wrote.")
    private Integer handle;

    @Option(names = "--jit", description = "After a first evaluation, compile and link what ran, then evaluate again (tiering manual unless --tiering says otherwise).")
    private boolean jit;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Rounds of evaluate+compile+link before the final evaluation (implies --jit; default with --jit: 1).")
    private Integer rounds;

    @Option(names = "--stats", description = "With automatic tiering, print what it did; otherwise print what each JIT round compiled and linked (implies --jit).")
    private boolean stats;

    @Option(names = "--dir", paramLabel = "HOST[::GUEST]",
            description = "Grant the program a directory, as wasmtime run --dir does: HOST seen as GUEST (default: HOST's own name as given, so --dir . makes relative paths work). Repeatable. Without it the program reaches no files.")
    private List<String> directories = new ArrayList<>();

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
        if (jit || rounds != null) {
            guest.defaultTiering(Tiering.manual()); // they ask for the seed's protocol
        }
        int jitRounds = jitRounds();
        try (SchemeInterpreter scheme = guest.start(streams, streams.out(), this::grantInputAndDirectories)) {
            if (source.isPresent()) {
                evaluate(scheme, scheme.parse(source.get()), jitRounds);
            } else {
                evaluateHandle(scheme, jitRounds);
            }
        }
        return 0;
    }

    private SchemeInterpreter.Builder grantInputAndDirectories(SchemeInterpreter.Builder builder) {
        builder.stdin(System.in);
        List<String> commandLine = new ArrayList<>();
        commandLine.add(file != null ? file.toString() : "wasmjit");
        commandLine.addAll(programArguments);
        builder.arguments(commandLine);
        for (String directory : directories) {
            int split = directory.indexOf("::");
            String host = split < 0 ? directory : directory.substring(0, split);
            String guestName = split < 0 ? directory : directory.substring(split + 2);
            if (host.isEmpty() || guestName.isEmpty() || !Files.isDirectory(Path.of(host))) {
                throw new ParameterException(spec.commandLine(),
                        "--dir " + directory + ": expected HOST[::GUEST] with HOST an existing directory");
            }
            builder.preopenDirectory(Path.of(host), guestName);
        }
        return builder;
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
        if (stats && scheme.tiering().isAutomatic()) {
            streams.out().println(scheme.tieringStats());
        }
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
        } catch (GuestTrap | IllegalStateException | dev.wasmjit.bridge.GuestError e) {
            // A program's own error is reported as it is; the guest refusing the address is not.
            boolean programError = e instanceof dev.wasmjit.bridge.GuestError
                    ? !e.getMessage().startsWith("eval of an address that is not a parsed expression")
                    : e.getCause() instanceof dev.wasmjit.bridge.GuestError;
            if (programError) {
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
            return jit || (stats && !guest.tiering().isAutomatic()) ? 1 : 0;
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
