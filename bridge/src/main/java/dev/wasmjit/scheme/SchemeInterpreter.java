package dev.wasmjit.scheme;

import dev.wasmjit.bridge.FuncSignature;
import dev.wasmjit.bridge.GuestBlock;
import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestException;
import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.GuestFunction;
import dev.wasmjit.bridge.LinkReport;
import dev.wasmjit.bridge.ModuleShape;
import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.TrapKind;
import dev.wasmjit.bridge.WasmEngine;
import dev.wasmjit.bridge.WasmModule;
import dev.wasmjit.nativeconfig.EngineSettings;
import dev.wasmjit.nativeconfig.GuestWasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Scheme interpreter guest, driven from Java: parse, evaluate, compile what ran, link it.
 *
 * <pre>{@code
 * try (SchemeInterpreter scheme = SchemeInterpreter.builder().build()) {
 *     Expression program = scheme.parse("(letrec ((fib (lambda (n) ...))) (fib 20))");
 *     scheme.eval(program);                 // interpreted; prints "result: 10946"
 *     scheme.jit().ifPresent(scheme::link); // compile the functions that ran, link them
 *     scheme.eval(program);                 // now runs compiled code
 * }
 * }</pre>
 *
 * <p>It drives any module with the seed's ABI (v1 exports only) and uses the wasmjit
 * extensions when the module exports them: result values, error messages, counters and the
 * shadow-stack pointer. Errors of the program are {@link GuestError}s with the guest's
 * message; traps, timeouts and the guest's own limits are {@link GuestTrap}s whose
 * {@link GuestTrap#kind() kind} names the limit: too deep recursion is
 * {@link TrapKind#STACK_OVERFLOW} whether the guest's call-depth limit or the wasm stack
 * stopped it, an exhausted heap is {@link TrapKind#OUT_OF_MEMORY}, a passed deadline is a
 * {@link dev.wasmjit.bridge.GuestTimeout} ({@link TrapKind#TIMEOUT}). After any of them
 * the interpreter keeps working, expressions parsed earlier included, and linked code still
 * runs. Every guest allocation the host makes is freed. One thread at a time may use an
 * interpreter; a second thread is refused with {@link IllegalStateException}.
 */
public final class SchemeInterpreter implements AutoCloseable {

    /** The class-path resource holding the bundled guest. */
    public static final String BUNDLED_RESOURCE = "/dev/wasmjit/scheme/interplib.wasm";

    /** The default heap each evaluation gets, as the seed's interp.py passes: 1 MiB. */
    public static final int DEFAULT_HEAP_BYTES = 1 << 20;

    /** How large the heap may grow by default when live data crowds it: 256 MiB. */
    public static final long DEFAULT_MAX_HEAP_BYTES = 256L << 20;

    /** The largest generated module taken from the guest: 64 MiB, thousands of times a real one. */
    public static final int MAX_JIT_MODULE_BYTES = 64 << 20;

    /** What the guest prints before a result's external representation. */
    private static final String RESULT_PREFIX = "result: ";

    private static final Map<WasmEngine, WasmModule> BUNDLED = new ConcurrentHashMap<>();

    /**
     * The guest reports its own limits as errors (guest/README.md); callers get them as the
     * trap kind of the limit, so that one kind covers a limit whichever layer enforced it.
     */
    private static final List<Map.Entry<String, TrapKind>> GUEST_LIMITS = List.of(
            Map.entry("recursion too deep", TrapKind.STACK_OVERFLOW),
            Map.entry("heap exhausted", TrapKind.OUT_OF_MEMORY),
            Map.entry("heap size too small", TrapKind.OUT_OF_MEMORY),
            Map.entry("cannot allocate a heap", TrapKind.OUT_OF_MEMORY));

    private final ReactorInstance instance;
    private final WasmModule ownModule;
    private final WasmEngine isolatedEngine;
    private final int heapBytes;
    private final Duration evalDeadline;
    private final GuestFunction parse;
    private final GuestFunction eval;
    private final GuestFunction jitModule;
    private final GuestFunction moduleData;
    private final GuestFunction moduleSize;
    private final GuestFunction freeModule;
    private final Optional<GuestFunction> lastResultText;
    private final Optional<GuestFunction> lastResultKind;
    private final Optional<GuestFunction> lastResultInteger;
    private final Optional<GuestFunction> lastErrorMessage;
    private final Optional<GuestFunction> pendingJitCount;
    private final Optional<GuestFunction> compiledFunctionCount;
    private final Optional<GuestFunction> collectionCount;
    private volatile boolean closed;

    private SchemeInterpreter(Builder builder) {
        WasmEngine engine = builder.interruptible
                ? WasmEngine.isolated(builder.engineSettings) : WasmEngine.of(builder.engineSettings);
        isolatedEngine = builder.interruptible ? engine : null;
        WasmModule module;
        if (builder.moduleBytes != null || builder.interruptible) {
            try {
                module = engine.compile(builder.moduleBytes != null ? builder.moduleBytes : bundledBytes());
            } catch (RuntimeException e) {
                if (isolatedEngine != null) {
                    isolatedEngine.close();
                }
                throw e;
            }
            ownModule = module;
        } else {
            module = BUNDLED.computeIfAbsent(engine, e -> e.compile(bundledBytes()));
            ownModule = null;
        }
        ReactorInstance.Builder instanceBuilder = ReactorInstance.builder(module)
                .stdout(builder.stdout)
                .stderr(builder.stderr)
                .lineListener(builder.lineListener)
                .errorImport("throw_error")
                .allocator("allocateBytes", "freeBytes")
                .deadline(builder.evalDeadline);
        // closed after the instance's store, by close() or by the instance's cleaner
        if (ownModule != null) {
            instanceBuilder.owning(ownModule);
        }
        if (isolatedEngine != null) {
            instanceBuilder.owning(isolatedEngine::close);
        }
        instance = instanceBuilder.instantiate();
        heapBytes = builder.heapBytes;
        evalDeadline = builder.evalDeadline;
        parse = required("parse", FuncSignature.i32(1, 1));
        eval = required("eval", FuncSignature.i32(2, 0));
        jitModule = required("jitModule", FuncSignature.i32(0, 1));
        moduleData = required("moduleData", FuncSignature.i32(1, 1));
        moduleSize = required("moduleSize", FuncSignature.i32(1, 1));
        freeModule = required("freeModule", FuncSignature.i32(1, 0));
        required("allocateBytes", FuncSignature.i32(1, 1));
        required("freeBytes", FuncSignature.i32(1, 0));
        lastResultText = instance.function("lastResultText", FuncSignature.i32(0, 1));
        lastResultKind = instance.function("lastResultKind", FuncSignature.i32(0, 1));
        lastResultInteger = instance.function("lastResultInteger", FuncSignature.i32(0, 1));
        lastErrorMessage = instance.function("lastErrorMessage", FuncSignature.i32(0, 1));
        pendingJitCount = instance.function("pendingJitCount", FuncSignature.i32(0, 1));
        compiledFunctionCount = instance.function("compiledFunctionCount", FuncSignature.i32(0, 1));
        collectionCount = instance.function("collectionCount", FuncSignature.i32(0, 1));
        instance.function("setHeapLimit", FuncSignature.i32(1, 0))
                .ifPresent(setLimit -> setLimit.callVoid((int) builder.maxHeapBytes));
    }

    /**
     * Starts configuring an interpreter.
     *
     * @return a builder with the defaults: bundled guest, 1 MiB heap, output passed through
     *         to {@link System#out} and {@link System#err}, 10 s per evaluation
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures and creates a {@link SchemeInterpreter}. */
    public static final class Builder {
        private byte[] moduleBytes;
        private int heapBytes = DEFAULT_HEAP_BYTES;
        private long maxHeapBytes = DEFAULT_MAX_HEAP_BYTES;
        private OutputStream stdout = GuestWasi.passThroughStdout();
        private OutputStream stderr = GuestWasi.passThroughStderr();
        private GuestWasi.LineListener lineListener = (fd, line) -> { };
        private Duration evalDeadline = Duration.ofSeconds(10);
        private EngineSettings engineSettings = EngineSettings.defaults();
        private boolean interruptible;

        private Builder() {
        }

        /**
         * Makes {@link SchemeInterpreter#interrupt()} available: the interpreter gets a wasm
         * engine of its own ({@link WasmEngine#isolated}), so stopping its call stops no other
         * interpreter's. It costs a compilation of the module for this interpreter alone (a
         * few hundred milliseconds), so it is meant for interactive sessions such as a REPL.
         *
         * @param interruptible whether the interpreter can be interrupted
         * @return this builder
         */
        public Builder interruptible(boolean interruptible) {
            this.interruptible = interruptible;
            return this;
        }

        /**
         * Runs this module instead of the bundled guest; it must have the seed's ABI.
         *
         * @param bytes the module's binary
         * @return this builder
         */
        public Builder module(byte[] bytes) {
            this.moduleBytes = bytes.clone();
            return this;
        }

        /**
         * Runs the module in this file instead of the bundled guest.
         *
         * @param path a .wasm file with the seed's ABI
         * @return this builder
         * @throws UncheckedIOException if the file cannot be read
         */
        public Builder module(Path path) {
            try {
                this.moduleBytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the module " + path, e);
            }
            return this;
        }

        /**
         * How large the heap may grow on its own when live data crowds it (the guest's
         * {@code setHeapLimit} extension): past it, an evaluation fails with
         * {@link TrapKind#OUT_OF_MEMORY}. The default is {@link #DEFAULT_MAX_HEAP_BYTES}; a value
         * at or below the heap size keeps the heap at the size each evaluation asks for, as the
         * seed's guest did. Modules without the extension ignore it.
         *
         * @param bytes the limit, from 0 to 2 GiB
         * @return this builder
         */
        public Builder maxHeapBytes(long bytes) {
            if (bytes < 0 || bytes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("heap limit must lie in 0 .. 2 GiB, was " + bytes);
            }
            this.maxHeapBytes = bytes;
            return this;
        }

        /**
         * The heap each evaluation starts from unless it says otherwise: the heap lives across
         * evaluations and grows from this size up to {@link #maxHeapBytes(long)}.
         * A positive size below the guest's minimum (the bundled guest needs more than 1 KiB)
         * is accepted here and fails each evaluation with {@link TrapKind#OUT_OF_MEMORY}
         * ({@code heap size too small: N bytes}).
         *
         * @param bytes a positive size
         * @return this builder
         * @throws IllegalArgumentException if the size is zero or negative
         */
        public Builder heapBytes(int bytes) {
            checkHeapSize(bytes);
            this.heapBytes = bytes;
            return this;
        }

        /**
         * Where the guest's stdout goes (the {@code result:} lines).
         *
         * @param out the stream; {@link OutputStream#nullOutputStream()} discards
         * @return this builder
         */
        public Builder stdout(OutputStream out) {
            this.stdout = Objects.requireNonNull(out, "out");
            return this;
        }

        /**
         * Where the guest's stderr goes (the {@code error:} lines).
         *
         * @param err the stream; {@link OutputStream#nullOutputStream()} discards
         * @return this builder
         */
        public Builder stderr(OutputStream err) {
            this.stderr = Objects.requireNonNull(err, "err");
            return this;
        }

        /**
         * Told about every complete line of the guest's stdout (fd 1) and stderr (fd 2).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder lineListener(GuestWasi.LineListener listener) {
            this.lineListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The wall-clock deadline of each evaluation (and each other guest call) unless a
         * call says otherwise.
         *
         * @param deadline a positive duration
         * @return this builder
         */
        public Builder evalDeadline(Duration deadline) {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive, was " + deadline);
            }
            this.evalDeadline = deadline;
            return this;
        }

        /**
         * The engine settings; interpreters with equal settings share one engine.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder engineSettings(EngineSettings settings) {
            this.engineSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Instantiates the guest.
         *
         * @return the interpreter
         * @throws dev.wasmjit.bridge.ModuleException if the module is invalid or lacks the
         *                                            seed's ABI
         */
        public SchemeInterpreter build() {
            return new SchemeInterpreter(this);
        }
    }

    /**
     * Parses a program.
     *
     * @param source the program text
     * @return a handle to the parsed expression
     * @throws GuestError if the program does not parse; the message gives line and column.
     *                    A NUL character is a parse error too: the guest reads NUL-terminated
     *                    text and would silently ignore the rest.
     */
    public Expression parse(String source) {
        Objects.requireNonNull(source, "source");
        ensureOpen();
        int nul = source.indexOf('\0');
        if (nul >= 0) {
            throw nulInSource(source, nul);
        }
        return guestCall(() -> {
            try (GuestBlock text = instance.memory().allocateCString(source)) {
                return new Expression(this, parse.callI32(text.address()), source);
            }
        });
    }

    /**
     * A handle to an expression that is already in guest memory without parsing it again: the
     * handle a statically linked module was snapshotted with (its functions are compiled
     * already, where a new parse would make new, uncompiled ones).
     *
     * <p>The address is trusted, as in the seed's harness: it must be one that {@code parse}
     * returned in this instance or in the instance this module was snapshotted from.
     *
     * @param address the expression's guest address, for example {@code 0x11eb0}
     * @return a handle to evaluate; its {@link Expression#source()} is empty
     * @throws IllegalArgumentException if the address lies outside guest memory
     */
    public Expression expressionAt(int address) {
        ensureOpen();
        long size = instance.memory().size();
        if (address <= 0 || Integer.toUnsignedLong(address) >= size) {
            throw new IllegalArgumentException("expression address 0x" + Integer.toHexString(address)
                    + " is outside guest memory (" + size + " bytes)");
        }
        return new Expression(this, address, "");
    }

    /**
     * Evaluates with the default heap size and deadline.
     *
     * @param expression a handle from this interpreter's {@link #parse}
     * @return the result
     * @throws GuestError                       if the program fails
     * @throws GuestTrap                        if the guest traps or hits a limit: too deep
     *                                          recursion ({@link TrapKind#STACK_OVERFLOW}),
     *                                          an exhausted heap ({@link TrapKind#OUT_OF_MEMORY})
     * @throws dev.wasmjit.bridge.GuestTimeout  if the deadline passes
     */
    public SchemeValue eval(Expression expression) {
        return eval(expression, heapBytes, evalDeadline);
    }

    /**
     * Evaluates with a heap of the given size. The heap lives as long as the interpreter, so
     * top-level definitions of earlier evaluations are visible; a size different from the
     * current one resizes it, keeping every live object (an evaluation fails with
     * {@link TrapKind#OUT_OF_MEMORY} if they do not fit).
     *
     * @param expression a handle from this interpreter's {@link #parse}
     * @param heapBytes  the heap size for this evaluation: positive; below the guest's minimum
     *                   the evaluation fails with {@link TrapKind#OUT_OF_MEMORY}
     * @return the result
     * @throws IllegalArgumentException if the size is zero or negative (the guest is not called)
     */
    public SchemeValue eval(Expression expression, int heapBytes) {
        return eval(expression, heapBytes, evalDeadline);
    }

    /**
     * Evaluates with a heap of the given size (see {@link #eval(Expression, int)}) and a
     * wall-clock deadline.
     *
     * @param expression a handle from this interpreter's {@link #parse}
     * @param heapBytes  the heap size for this evaluation
     * @param deadline   how long the evaluation may run
     * @return the result; the guest's {@code result:} line has gone to stdout too
     * @throws IllegalArgumentException if the expression belongs to another interpreter, or
     *                                  the heap size is zero or negative
     */
    public SchemeValue eval(Expression expression, int heapBytes, Duration deadline) {
        Objects.requireNonNull(expression, "expression");
        if (expression.owner() != this) {
            throw new IllegalArgumentException("the expression was parsed by another interpreter");
        }
        checkHeapSize(heapBytes);
        ensureOpen();
        return guestCall(() -> {
            eval.withDeadline(deadline).callVoid(expression.address(), heapBytes);
            return lastResult();
        });
    }

    /**
     * Asks the guest to compile the functions that ran since the last round.
     *
     * @return the generated module, or empty when nothing is waiting to be compiled
     * @throws IllegalStateException if the guest reports a module that is not inside its memory,
     *                               or larger than {@link #MAX_JIT_MODULE_BYTES}
     */
    public Optional<JitModule> jit() {
        ensureOpen();
        return guestCall(() -> {
            int pending = pendingJitCount.map(GuestFunction::callI32).orElse(-1);
            int module = jitModule.callI32();
            if (module == 0) {
                return Optional.<JitModule>empty();
            }
            try {
                int address = moduleData.callI32(module);
                int size = moduleSize.callI32(module);
                long memorySize = instance.memory().size();
                if (size > MAX_JIT_MODULE_BYTES) {
                    throw new IllegalStateException("the guest's jitModule reported a module of " + size
                            + " bytes, more than the " + MAX_JIT_MODULE_BYTES + " a generated module may have");
                }
                if (size < 0 || Integer.toUnsignedLong(address) + size > memorySize) {
                    throw new IllegalStateException("the guest's jitModule reported a module of " + size
                            + " bytes at 0x" + Integer.toHexString(address) + ", which is not inside its memory of "
                            + memorySize + " bytes");
                }
                byte[] bytes = instance.memory().read(address, size);
                int functions = ModuleShape.read(bytes).definedFunctionCount();
                return Optional.of(new JitModule(this, bytes, functions, pending));
            } finally {
                freeModule.callVoid(module);
            }
        });
    }

    /**
     * Links a generated module into this interpreter: from now on the compiled functions run
     * instead of being interpreted.
     *
     * @param module a module from this interpreter's {@link #jit()}
     * @return what was linked
     * @throws IllegalArgumentException         if another interpreter generated the module (it
     *                                          would write its slots into the wrong memory);
     *                                          nothing is touched
     * @throws dev.wasmjit.bridge.LinkException if linking fails; the interpreter keeps what
     *                                          it had linked before
     */
    public LinkReport link(JitModule module) {
        Objects.requireNonNull(module, "module");
        if (!module.isFrom(this)) {
            throw new IllegalArgumentException("the JIT module was generated by another interpreter");
        }
        ensureOpen();
        return instance.lateLinker().link(module.bytes());
    }

    /**
     * How many functions have run and wait for the next {@link #jit()} round.
     *
     * @return the count, or empty if the guest lacks the {@code pendingJitCount} extension
     */
    public OptionalInt pendingJitCount() {
        return counter(pendingJitCount);
    }

    /**
     * How many functions have compiled code linked in.
     *
     * @return the count, or empty if the guest lacks the {@code compiledFunctionCount} extension
     */
    public OptionalInt compiledFunctionCount() {
        return counter(compiledFunctionCount);
    }

    /**
     * How many garbage collections the last (or current) evaluation ran.
     *
     * @return the count, or empty if the guest lacks the {@code collectionCount} extension
     */
    public OptionalInt collectionCount() {
        return counter(collectionCount);
    }

    /**
     * The current size of the guest's function table: it grows with each linked round.
     *
     * @return slots in {@code __indirect_function_table}
     */
    public int tableSize() {
        ensureOpen();
        return instance.tableSize();
    }

    /**
     * The generic instance underneath, for memory, exports and the late linker.
     *
     * @return the reactor instance
     */
    public ReactorInstance instance() {
        ensureOpen();
        return instance;
    }

    /**
     * Stops the evaluation (or other guest call) under way, from any thread: it ends with a
     * {@link dev.wasmjit.bridge.GuestInterrupted} ({@link TrapKind#INTERRUPTED}) at the guest's
     * next epoch check, in interpreted or compiled code, and the interpreter works on, its
     * definitions and linked code included. Does nothing when no call is under way.
     *
     * @return true if a call was under way and is being stopped
     * @throws IllegalStateException if the interpreter was not built
     *                               {@link Builder#interruptible(boolean) interruptible}
     */
    public boolean interrupt() {
        if (isolatedEngine == null) {
            throw new IllegalStateException("this SchemeInterpreter was not built interruptible (Builder.interruptible(true))");
        }
        return !closed && instance.interrupt();
    }

    /**
     * Frees the guest instance, from any thread. Idempotent; any other use afterwards is an
     * {@link IllegalStateException}. An evaluation under way on another thread does not hold it
     * up: an {@linkplain Builder#interruptible interruptible} interpreter interrupts it and returns
     * within milliseconds; otherwise it returns at once, and the evaluation ends at its next
     * output or at its deadline and frees the interpreter then ({@link ReactorInstance#close()}).
     * An interpreter dropped without {@code close()} is freed once it is unreachable.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        instance.close(); // and the module and isolated engine it owns
    }

    // ---- internals -----------------------------------------------------------------------

    /** The contract of every heap size, builder and eval alike: positive, or the caller's mistake. */
    private static void checkHeapSize(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("heap size must be positive, was " + bytes);
        }
    }

    /**
     * The value of the last successful evaluation, from the best source the module offers:
     * the write form at {@code lastResultText()} (Language v2), else the integer/procedure
     * kind extension, else the {@code result: } line the guest printed (the seed's v1 ABI).
     */
    private SchemeValue lastResult() {
        if (lastResultText.isPresent()) {
            int address = lastResultText.get().callI32();
            if (address != 0) {
                return readResult(instance.memory().readCString(address), "lastResultText()");
            }
        }
        if (lastResultKind.isPresent() && lastResultInteger.isPresent()) {
            int kind = lastResultKind.get().callI32();
            if (kind == 1) {
                return SchemeValue.integer(lastResultInteger.get().callI32());
            }
            if (kind == 2) {
                return SchemeValue.procedure();
            }
        }
        return parseResultLine(instance.lastCallStdout());
    }

    /** Without the extensions, the result is whatever the guest printed after {@code result: }. */
    private static SchemeValue parseResultLine(List<String> stdout) {
        for (int i = stdout.size() - 1; i >= 0; i--) {
            String line = stdout.get(i);
            if (line.startsWith(RESULT_PREFIX)) {
                return readResult(line.substring(RESULT_PREFIX.length()), "result line");
            }
        }
        throw new IllegalStateException("the guest's eval returned without printing a result line");
    }

    /** The guest's text is the guest's fault when it does not read: not an argument error. */
    private static SchemeValue readResult(String text, String source) {
        try {
            return ExternalRepresentation.read(text);
        } catch (IllegalArgumentException e) {
            if (text.endsWith("...")) {
                // The guest cuts a written form short past 16 MiB (guest/src/printer.h): a value
                // that large, or a circular list, has no complete written form to read.
                throw new IllegalStateException("the result is too large to read back: its written form, "
                        + text.length() + " characters, was cut short", e);
            }
            throw new IllegalStateException("the guest's " + source + " is not a readable value: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs guest calls as one unit, and for a guest error prefers the guest's own copy of the
     * message when it exports one.
     */
    private <T> T guestCall(java.util.function.Supplier<T> calls) {
        return instance.exclusive(() -> {
            try {
                return calls.get();
            } catch (GuestError e) {
                throw asLimitIfOne(preciseError(e));
            }
        });
    }

    private static GuestException asLimitIfOne(GuestError e) {
        for (Map.Entry<String, TrapKind> limit : GUEST_LIMITS) {
            if (e.getMessage().startsWith(limit.getKey())) {
                return new GuestTrap(limit.getValue(), e.getMessage(), e);
            }
        }
        return e;
    }

    /** Says where the NUL is the way the guest's parser would: line, and column in characters. */
    private static GuestError nulInSource(String source, int index) {
        int lineStart = source.lastIndexOf('\n', index) + 1;
        long line = 1 + source.substring(0, lineStart).chars().filter(c -> c == '\n').count();
        int column = 1 + source.codePointCount(lineStart, index);
        return new GuestError("parse error at line " + line + ", column " + column
                + ": NUL character in the source");
    }

    private GuestError preciseError(GuestError e) {
        String message = lastErrorMessage.flatMap(this::readErrorMessage).orElse(e.getMessage());
        if (message.equals(e.getMessage())) {
            return e;
        }
        GuestError precise = new GuestError(message);
        precise.initCause(e);
        return precise;
    }

    private Optional<String> readErrorMessage(GuestFunction lastError) {
        int address = lastError.callI32();
        return address == 0 ? Optional.empty() : Optional.of(instance.memory().readCString(address));
    }

    private OptionalInt counter(Optional<GuestFunction> function) {
        ensureOpen();
        return function.map(f -> OptionalInt.of(f.callI32())).orElse(OptionalInt.empty());
    }

    private GuestFunction required(String name, FuncSignature signature) {
        return instance.function(name, signature).orElseThrow(() -> {
            close();
            return new dev.wasmjit.bridge.ModuleException("the module lacks the seed's ABI: no export "
                    + name + " " + signature);
        });
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this SchemeInterpreter has been closed");
        }
    }

    /**
     * The bundled guest's bytes: the class-path resource {@link #BUNDLED_RESOURCE}, as built
     * from {@code guest/interplib.wasm}. Tools that rewrite the main module (the static linker)
     * start from these.
     *
     * @return a fresh copy of the module's bytes
     * @throws IllegalStateException if the resource is missing from the class path
     */
    public static byte[] bundledBytes() {
        try (InputStream in = SchemeInterpreter.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled guest " + BUNDLED_RESOURCE
                        + " is missing from the class path; build the bridge module with guest/interplib.wasm present");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
