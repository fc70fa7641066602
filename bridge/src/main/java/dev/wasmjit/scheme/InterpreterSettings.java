package dev.wasmjit.scheme;

import dev.wasmjit.bridge.FuncSignature;
import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.StoreSettings;
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
 * output and deadline) and the guest's limits ({@link InterpreterLimits}): which guest, which
 * engine, how it tiers, which host procedures it has. The defaults a caller may rely on: the
 * bundled guest, {@link EngineSettings#defaults()}, manual tiering, and not interruptible.
 */
public abstract class InterpreterSettings extends InterpreterLimits {

    private byte[] moduleBytes;
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
                automatic.attach(instance.lateLinker());
                instance.tableSize(); // compiles the table's size probe now, not in the first link mid-evaluation
                set.callVoid(tiering.threshold(), tiering.maxRoundBytes());
            });
            instance.lateLinker().limitModules(maxJitModules);
            SchemeInterpreter scheme = new SchemeInterpreter(instance, abi, heapBytes, automatic, calls.handles());
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
