package dev.wasmjit.harness;

import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.Tiering;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The options every command that runs the guest shares: which module, how big a heap, how
 * long an evaluation may take. Mix it into a command with {@code @Mixin GuestOptions guest;}
 * and start the interpreter with {@link #start}.
 */
public final class GuestOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--module", paramLabel = "PATH",
            description = "Run this .wasm module (any module with the guest ABI) instead of the bundled guest.")
    private Path module;

    @Option(names = "--heap-size", paramLabel = "BYTES", converter = HeapSizeConverter.class,
            defaultValue = "1048576",
            description = "Heap of each evaluation, in bytes; k, m and g suffixes allowed; at least 4k (default: ${DEFAULT-VALUE}, as interp.py).")
    private int heapBytes;

    @Option(names = "--max-heap", paramLabel = "BYTES", converter = HeapLimitConverter.class,
            description = "How large the heap may grow when live data crowds it; k, m and g suffixes allowed, at most 4g"
                    + " (default: a quarter of physical memory, here ${DEFAULT-VALUE}). At or below --heap-size, it never grows.")
    private long maxHeapBytes = SchemeInterpreter.DEFAULT_MAX_HEAP_BYTES;

    private int maxNestedCalls;

    @Option(names = "--max-nested-calls", paramLabel = "N", defaultValue = "2000000",
            description = "How many non-tail calls may be pending at once; one more is 'recursion too deep' (default: ${DEFAULT-VALUE}).")
    void maxNestedCalls(int calls) {
        if (calls < 1) {
            throw new ParameterException(command.commandLine(), "--max-nested-calls must be at least 1, was " + calls);
        }
        maxNestedCalls = calls;
    }

    @Option(names = "--tiering", paramLabel = "MODE",
            description = "off, manual or auto: what is compiled without being asked. auto compiles hot functions "
                    + "in the background and links them mid-evaluation (default for run, repl and serve); manual "
                    + "compiles only when asked (--jit, ,jit; the default elsewhere); off never compiles.")
    void tiering(String mode) {
        try {
            tiering = Tiering.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--tiering must be off, manual or auto, was " + mode);
        }
    }

    private Tiering tiering;
    private Tiering commandDefault;

    /**
     * The tiering to use unless {@code --tiering} says otherwise, for a command whose other
     * options choose it ({@code run --jit} asks for the manual protocol).
     *
     * @param tiering the default
     */
    public void defaultTiering(Tiering tiering) {
        this.commandDefault = tiering;
    }

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop any single evaluation that runs longer, e.g. 500ms, 2s, 1m (default: no limit).")
    private Duration timeout;

    /**
     * The module file, if {@code --module} was given.
     *
     * @return the path, or empty for the bundled guest
     */
    public Optional<Path> module() {
        return Optional.ofNullable(module);
    }

    /**
     * The heap size each evaluation gets.
     *
     * @return bytes
     */
    public int heapBytes() {
        return heapBytes;
    }

    /**
     * The tiering: {@code --tiering}, or the command's default (automatic for {@code run},
     * {@code repl} and {@code serve}, which run programs as people run them; manual for the
     * drop-in demo, which keeps the seed's protocol, and for {@code link}).
     *
     * @return the tiering to build interpreters with
     */
    public Tiering tiering() {
        if (tiering != null) {
            return tiering;
        }
        if (commandDefault != null) {
            return commandDefault;
        }
        String name = command == null ? "" : command.name();
        return switch (name) {
            case "run", "repl", "serve" -> Tiering.automatic();
            default -> Tiering.manual();
        };
    }

    /**
     * The deadline of each guest call.
     *
     * @return the {@code --timeout}, or empty when there is none
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Instantiates the guest with these options. The guest's {@code error: } lines are not
     * forwarded, because the harness reports every failure itself, once, on stderr; any other
     * line the guest writes to stderr is.
     *
     * @param streams     the program's streams
     * @param guestStdout where the guest's stdout goes: {@code streams.out()}, or a discarding
     *                    stream when stdout is reserved for machine-readable output
     * @return the interpreter; the caller closes it
     * @throws ParameterException                   if the {@code --module} file does not exist
     * @throws IllegalStateException                if the {@code --module} path is a directory
     * @throws dev.wasmjit.bridge.ModuleException   if the module is not wasm or lacks the guest ABI
     */
    public SchemeInterpreter start(StandardStreams streams, OutputStream guestStdout) {
        return start(configure(SchemeInterpreter.builder(), streams, guestStdout));
    }

    /**
     * As {@link #start(StandardStreams, OutputStream)}, with what a command sets beyond the
     * shared options: {@code wasmjit run} gives the process's standard input, as
     * {@code guile FILE} does, and the directories of {@code --dir}.
     *
     * @param streams     the program's streams
     * @param guestStdout where the guest's stdout goes
     * @param more        the command's own settings
     * @return the interpreter; the caller closes it
     */
    public SchemeInterpreter start(StandardStreams streams, OutputStream guestStdout,
                                   UnaryOperator<SchemeInterpreter.Builder> more) {
        return start(more.apply(configure(SchemeInterpreter.builder(), streams, guestStdout)));
    }

    private SchemeInterpreter start(SchemeInterpreter.Builder builder) {
        if (module != null) {
            builder.module(moduleBytes());
        }
        return builder.build();
    }

    /**
     * Sets heap size, deadline and output on a builder, as {@link #start} does, but not the
     * module. The guest prints the seed's {@code result:} lines
     * ({@link SchemeInterpreter.Builder#resultLines(boolean)}), which the commands promise: for tools that run a rewritten copy of it (see {@link #moduleBytes()}).
     *
     * @param builder     the builder to configure
     * @param streams     the program's streams
     * @param guestStdout where the guest's stdout goes
     * @return the same builder
     */
    public SchemeInterpreter.Builder configure(SchemeInterpreter.Builder builder, StandardStreams streams,
                                              OutputStream guestStdout) {
        timeout().ifPresentOrElse(builder::deadline, builder::noDeadline);
        return builder
                .tiering(tiering())
                .resultLines(true) // run and the drop-in promise the seed's result lines (the REPL turns them off)
                .heapBytes(heapBytes)
                .maxHeapBytes(maxHeapBytes)
                .maxNestedCalls(maxNestedCalls)
                .stdout(guestStdout == streams.out() ? new StoppingStdout(streams.out()) : guestStdout)
                .stderr(OutputStream.nullOutputStream())
                .lineListener((fd, line) -> {
                    if (fd == 2 && !line.startsWith("error: ")) {
                        streams.err().println(line);
                    }
                });
    }

    /**
     * The main module's bytes: the {@code --module} file, or the bundled guest.
     *
     * @return the bytes
     * @throws ParameterException    if the {@code --module} file does not exist
     * @throws IllegalStateException if the {@code --module} path is a directory
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public byte[] moduleBytes() {
        if (module == null) {
            return SchemeInterpreter.bundledBytes();
        }
        Path path = existingModule();
        // a regular file says its size; a device or pipe (/dev/zero) is read up to a smaller limit
        int limit = Files.isRegularFile(path) ? MAX_MODULE_BYTES : MAX_STREAMED_MODULE_BYTES;
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(path)) {
            if (Files.isRegularFile(path) && Files.size(path) > limit) {
                throw tooLarge(limit);
            }
            bytes = in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("--module: cannot read " + module, e);
        }
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        return bytes;
    }

    private IllegalStateException tooLarge(int limit) {
        // reading such a file whole would exhaust the JVM's memory before the engine refused it
        return new IllegalStateException("--module: " + module + " is larger than " + (limit >> 20)
                + " MiB, more than any module this host runs");
    }

    /** The largest {@code --module} read from a device or a pipe: 64 MiB. */
    static final int MAX_STREAMED_MODULE_BYTES = 64 << 20;

    /**
     * The largest {@code --module} file read: 1 GiB. A module is its code and its memory's
     * data; a statically linked guest carries its heap, so this leaves room for the largest
     * heap a guest reaches in practice.
     */
    static final int MAX_MODULE_BYTES = 1 << 30;

    /**
     * The {@code --module} path, checked before anything runs. As for source files, a path
     * that does not exist is a usage error; one that exists but is no module file is the
     * program error of one {@code error:} line.
     */
    private Path existingModule() {
        if (Files.isDirectory(module)) {
            throw new IllegalStateException("--module: " + module + " is a directory, not a .wasm file");
        }
        if (!Files.exists(module)) {
            throw new ParameterException(command.commandLine(), "--module: no such file: " + module);
        }
        return module;
    }
}
