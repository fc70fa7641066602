package dev.wasmjit.scheme;

import dev.wasmjit.bridge.FuncSignature;
import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.StoreSettings;
import dev.wasmjit.bridge.TrapKind;
import dev.wasmjit.bridge.WasmEngine;
import dev.wasmjit.bridge.WasmModule;
import dev.wasmjit.nativeconfig.EngineSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link SchemeInterpreter.Builder} configures beyond the store ({@link StoreSettings}:
 * output and deadline): which guest, how large its heap, which engine. The defaults a caller
 * may rely on: the bundled guest, a heap of {@link SchemeInterpreter#DEFAULT_HEAP_BYTES} that
 * may grow to {@link SchemeInterpreter#DEFAULT_MAX_HEAP_BYTES}, {@link #DEFAULT_MAX_NESTED_CALLS}
 * nested calls, at most {@link #DEFAULT_MAX_JIT_MODULES} JIT modules linked,
 * {@link EngineSettings#defaults()}, and not interruptible.
 */
public abstract class InterpreterSettings extends StoreSettings<SchemeInterpreter.Builder> {

    /**
     * How many non-tail calls may be pending at once by default, interpreted and compiled
     * alike; one more fails the evaluation with {@link TrapKind#STACK_OVERFLOW}
     * ({@code recursion too deep: more than 2000000 nested calls}). Pending calls live in the
     * guest's linear memory, not on the wasm stack: about 24 bytes each plus their frames in
     * the heap, so the heap's limit may come first.
     */
    public static final int DEFAULT_MAX_NESTED_CALLS = 2_000_000;

    /**
     * How many JIT modules an interpreter links by default. A wasmtime store cannot free one
     * instance (wasmtime 7 under wasmtime-java 0.19), so every linked module keeps its code and
     * instance until the interpreter is closed, even when redefinitions have left nothing that
     * can call it: measured at about 21 KB of native memory per small module (docs/DESIGN.md,
     * "JIT modules an interpreter keeps"), so the default bounds that at about 21 MB.
     */
    public static final int DEFAULT_MAX_JIT_MODULES = 1000;

    /** The largest heap limit: 4 GiB less one 64 KiB page, all a 32-bit guest can address (taken as unsigned). */
    public static final long LARGEST_HEAP_LIMIT = (4L << 30) - (64 << 10);

    private byte[] moduleBytes;
    private int heapBytes = SchemeInterpreter.DEFAULT_HEAP_BYTES;
    private long maxHeapBytes = SchemeInterpreter.DEFAULT_MAX_HEAP_BYTES;
    private int maxNestedCalls = DEFAULT_MAX_NESTED_CALLS;
    private int maxJitModules = DEFAULT_MAX_JIT_MODULES;
    private EngineSettings engineSettings = EngineSettings.defaults();
    private boolean interruptible;
    private Tiering tiering = Tiering.manual();
    private boolean resultLines;
    private final HostProcedureTable hostProcedures = new HostProcedureTable();

    InterpreterSettings() {
    }

    /**
     * Whether the interpreter speaks the seed's protocol on its output streams: each evaluation
     * prints {@code result: VALUE} on stdout after the program's own output, and each failure
     * {@code error: MESSAGE} on stderr, as the guest ABI's {@code eval} does (the drop-in
     * demo's and the {@code wasmjit} commands' output). By default it does not: the
     * interpreter is quiet, and its streams carry only what the program prints with
     * {@code display}, {@code write} and {@code newline}; results come back as
     * {@link SchemeValue}s and failures as exceptions. A line listener sees the protocol
     * lines either way.
     *
     * @param on true for the seed's result and error lines
     * @return this builder
     */
    public final SchemeInterpreter.Builder resultLines(boolean on) {
        this.resultLines = on;
        return self();
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
    public final SchemeInterpreter.Builder interruptible(boolean interruptible) {
        this.interruptible = interruptible;
        return self();
    }

    /**
     * How the interpreter decides what to compile ({@link Tiering}): {@link Tiering#manual()} by
     * default, the seed's protocol. {@link Tiering#automatic()} compiles hot functions by itself,
     * on background compiler threads, and links them within long evaluations; a guest without
     * the {@code setTiering} extension is simply never asked.
     *
     * @param tiering off, manual or automatic with its settings
     * @return this builder
     */
    public final SchemeInterpreter.Builder tiering(Tiering tiering) {
        this.tiering = Objects.requireNonNull(tiering, "tiering");
        return self();
    }

    /**
     * Defines a global procedure that runs Java code ({@link HostProcedure}): Scheme calls it as any other procedure,
     * interpreted or compiled, a Java exception in it fails the Scheme call with an error naming the procedure, and
     * the call's deadline bounds it. Defining a name again replaces the procedure. The definitions are made when the
     * interpreter is built, before any evaluation.
     *
     * @param globalName the global variable's name, such as {@code host-square}
     * @param procedure  the Java code
     * @return this builder
     * @throws IllegalArgumentException if the name is not a symbol's name
     */
    public final SchemeInterpreter.Builder define(String globalName, HostProcedure procedure) {
        hostProcedures.define(globalName, procedure);
        return self();
    }

    /**
     * Runs this module instead of the bundled guest; it must have the guest ABI.
     *
     * @param bytes the module's binary
     * @return this builder
     */
    public final SchemeInterpreter.Builder module(byte[] bytes) {
        this.moduleBytes = bytes.clone();
        return self();
    }

    /**
     * Runs the module in this file instead of the bundled guest.
     *
     * @param path a .wasm file with the guest ABI
     * @return this builder
     * @throws UncheckedIOException if the file cannot be read
     */
    public final SchemeInterpreter.Builder module(Path path) {
        try {
            this.moduleBytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the module " + path, e);
        }
        return self();
    }

    /**
     * How large the heap may grow on its own when live data crowds it (the guest's
     * {@code setHeapLimit} extension): past it, an evaluation fails with
     * {@link TrapKind#OUT_OF_MEMORY}. The default is
     * {@link SchemeInterpreter#DEFAULT_MAX_HEAP_BYTES}; a value at or below the heap size keeps
     * the heap at the size each evaluation asks for, as the seed's guest did. Modules without
     * the extension ignore it.
     *
     * @param bytes the limit, from 0 to {@link #LARGEST_HEAP_LIMIT}
     * @return this builder
     */
    public final SchemeInterpreter.Builder maxHeapBytes(long bytes) {
        if (bytes < 0 || bytes > LARGEST_HEAP_LIMIT) {
            throw new IllegalArgumentException("heap limit must lie in 0 .. " + LARGEST_HEAP_LIMIT
                    + " (4 GiB less 64 KiB), was " + bytes);
        }
        this.maxHeapBytes = bytes;
        return self();
    }

    /**
     * How many non-tail calls may be pending at once (the guest's {@code setMaxNestedCalls}
     * extension; {@link #DEFAULT_MAX_NESTED_CALLS} by default). Tail calls do not count. Past
     * it an evaluation fails with {@link TrapKind#STACK_OVERFLOW}. Modules without the
     * extension ignore it.
     *
     * @param calls a positive count
     * @return this builder
     * @throws IllegalArgumentException if the count is zero or negative
     */
    public final SchemeInterpreter.Builder maxNestedCalls(int calls) {
        if (calls <= 0) {
            throw new IllegalArgumentException("the limit of nested calls must be positive, was " + calls);
        }
        this.maxNestedCalls = calls;
        return self();
    }

    /**
     * How many JIT modules the interpreter links in its life ({@link #DEFAULT_MAX_JIT_MODULES}
     * by default), automatic tiering's rounds and {@link SchemeInterpreter#link} alike: each
     * keeps its native memory until the interpreter is closed. Past the ceiling
     * {@link SchemeInterpreter#jit()} answers empty without asking the guest,
     * {@link SchemeInterpreter#link} refuses with a {@link dev.wasmjit.bridge.LinkException},
     * and automatic tiering stops: functions not yet compiled stay interpreted, and every
     * evaluation gives the result it gave before.
     *
     * @param modules a positive count
     * @return this builder
     * @throws IllegalArgumentException if the count is zero or negative
     */
    public final SchemeInterpreter.Builder maxJitModules(int modules) {
        if (modules <= 0) {
            throw new IllegalArgumentException("the ceiling of JIT modules must be positive, was " + modules);
        }
        this.maxJitModules = modules;
        return self();
    }

    /**
     * The heap each evaluation starts from unless it says otherwise
     * ({@link SchemeInterpreter#DEFAULT_HEAP_BYTES} by default): the heap lives across
     * evaluations and grows from this size up to {@link #maxHeapBytes(long)}. A positive size
     * below the guest's minimum (the bundled guest needs more than 1 KiB) is accepted here and
     * fails each evaluation with {@link TrapKind#OUT_OF_MEMORY} ({@code heap size too small: N bytes}).
     *
     * @param bytes a positive size
     * @return this builder
     * @throws IllegalArgumentException if the size is zero or negative
     */
    public final SchemeInterpreter.Builder heapBytes(int bytes) {
        this.heapBytes = GuestAbi.checkedHeapSize(bytes);
        return self();
    }

    /**
     * The engine settings; interpreters with equal settings share one engine.
     *
     * @param settings the settings
     * @return this builder
     */
    public final SchemeInterpreter.Builder engineSettings(EngineSettings settings) {
        this.engineSettings = Objects.requireNonNull(settings, "settings");
        return self();
    }

    /**
     * Instantiates the guest.
     *
     * @return the interpreter
     * @throws dev.wasmjit.bridge.ModuleException if the module is invalid or lacks the guest ABI
     */
    public final SchemeInterpreter build() {
        WasmEngine engine = interruptible ? WasmEngine.isolated(engineSettings) : WasmEngine.of(engineSettings);
        AutomaticTiering automatic = new AutomaticTiering(tiering, engine);
        QuietOutput quiet = new QuietOutput();
        HostProcedureTable.Calls calls = hostProcedures.calls(new HostObjects());
        ReactorInstance instance = instantiate(engine, automatic, quiet, calls);
        calls.attach(instance);
        try {
            GuestAbi abi = new GuestAbi(instance, quiet);
            // the guest reads the limit as unsigned: above 2 GiB the int carries the same 32 bits
            abi.setHeapLimit.ifPresent(setLimit -> setLimit.callVoid((int) maxHeapBytes));
            abi.setMaxNestedCalls.ifPresent(setLimit -> setLimit.callVoid(maxNestedCalls));
            // A guest without the setTiering extension is never asked, and never tiers.
            instance.function("setTiering", FuncSignature.i32(2, 0))
                    .filter(set -> tiering.isAutomatic()).ifPresent(set -> {
                automatic.attach(instance.lateLinker(), maxJitModules);
                instance.tableSize(); // compiles the table's size probe now, not in the first link mid-evaluation
                set.callVoid(tiering.threshold(), tiering.maxRoundBytes());
            });
            SchemeInterpreter scheme = new SchemeInterpreter(instance, abi, heapBytes, maxJitModules, automatic,
                    calls.handles());
            if (!hostProcedures.isEmpty()) {  // their results may hold host objects
                scheme.evalQuietly(HostObjects.DEFINITIONS + hostProcedures.definitions());
                scheme.hostObjects.markDefined();
            }
            return scheme;
        } catch (RuntimeException | Error e) {
            automatic.close();
            instance.close();
            throw e;
        }
    }

    /** {@link SchemeInterpreter#DEFAULT_MAX_HEAP_BYTES}: a quarter of physical memory, within bounds. */
    static long machineHeapLimit() {
        long physical = 0;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        return Math.min(Math.max(physical / 4, 256L << 20), LARGEST_HEAP_LIMIT);
    }

    /**
     * Instantiates the guest with these settings. A module of its own (given bytes, or any
     * module on an isolated engine) and an isolated engine are owned by the instance, closed
     * after its store, by its close() or by its cleaner.
     */
    private ReactorInstance instantiate(WasmEngine engine, AutomaticTiering automatic, QuietOutput quiet,
                                        HostProcedureTable.Calls calls) {
        WasmModule module;
        boolean ownModule = moduleBytes != null || interruptible;
        try {
            module = ownModule ? engine.compile(moduleBytes != null ? moduleBytes : SchemeInterpreter.bundledBytes())
                    : BundledGuest.compiledFor(engine);
            GuestAbi.requireMemory(module.shape());  // before _initialize, which may call WASI
        } catch (RuntimeException e) {
            if (interruptible) {
                engine.close();
            }
            throw e;
        }
        ReactorInstance.Builder builder = copyStoreSettingsTo(ReactorInstance.builder(module))
                .errorImport("throw_error")
                .allocator("allocateBytes", "freeBytes");
        if (!resultLines) {
            quiet.errorReports = new ProtocolLineFilter(configuredStderr(), "error: ");
            builder.stderr(quiet.errorReports);
            if (module.shape().export(GuestAbi.EVAL_QUIETLY).isEmpty()) {
                quiet.resultLines = new ProtocolLineFilter(configuredStdout(), "result: ");
                builder.stdout(quiet.resultLines);
            }
        }
        if (ownModule) {
            builder.owning(module);
        }
        if (automatic.settings().isAutomatic()) {
            automatic.imports().forEach(builder::hostFunction);
        }
        if (!hostProcedures.isEmpty()) {
            calls.imports().forEach(builder::hostFunction);
            builder.owning(calls);
        }
        if (interruptible) {
            builder.owning(engine::close);
        }
        return builder.instantiate();
    }
}
