package dev.wasmjit.harness;

import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.JitModule;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.staticlink.StaticLinkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code wasmjit link --program FILE -o out.wasm}: static late linking. Parses and
 * evaluates the program once, compiles what ran, links it, and writes the warmed-up instance
 * with its compiled code as one standalone module. Prints the expression handle to evaluate
 * in it ({@code wasmjit run --module out.wasm --handle 0x...}), where the compiled code runs
 * from the first call with no {@code jitModule} round.
 */
@Command(name = "link", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        // One paragraph: picocli wraps it to the terminal, where two lines would break mid-sentence.
        description = "Evaluate a program once, compile what ran, and write the instance with its compiled code "
                + "as one standalone module (static late linking). Prints the handle to evaluate in it.")
final class LinkCommand implements Callable<Integer> {

    @Option(names = "--program", paramLabel = "FILE", required = true, description = "The program's source file.")
    private Path program;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.wasm", required = true, description = "Where to write the linked module.")
    private Path output;

    @Mixin
    private GuestOptions guest;

    @Spec
    private CommandSpec spec;

    private final StandardStreams streams;

    LinkCommand(StandardStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        String source = SourceFile.read(program, spec.commandLine());
        checkOutput();
        byte[] mainModule = guest.moduleBytes();
        try (StaticLinkSession session = StaticLinkSession.start(mainModule,
                builder -> guest.configure(builder, streams, streams.out()))) {
            SchemeInterpreter scheme = session.interpreter();
            Expression expression = scheme.parse(source);
            scheme.eval(expression);
            Optional<JitModule> compiled = session.jitAndLink();
            byte[] linked = session.linkStatically();
            write(linked);
            streams.out().println("linked " + output + ": " + linked.length + " bytes, "
                    + compiled.map(m -> m.functionCount() + " functions merged").orElse("nothing compiled"));
            streams.out().println("handle: " + expression);
            streams.out().println("evaluate it with: wasmjit run --module " + output + " --handle " + expression);
        }
        return 0;
    }

    /**
     * Refuses an output path that cannot be written before the program runs, which may take
     * long. A missing directory is a usage error, like a missing input file; an existing
     * directory where the file should go is one {@code error:} line.
     */
    private void checkOutput() {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new ParameterException(spec.commandLine(), "-o: no such directory: " + parent);
        }
        if (Files.isDirectory(output)) {
            throw new IllegalStateException("cannot write " + output + ": Is a directory");
        }
    }

    private void write(byte[] linked) {
        try {
            Files.write(output, linked);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
    }
}
