package dev.wasmjit.bridge;

import dev.wasmjit.nativeconfig.GuestWasi;
import dev.wasmjit.nativeconfig.MemoryWindows;
import io.github.kawamuray.wasmtime.Extern;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.FuncType;
import io.github.kawamuray.wasmtime.Linker;
import io.github.kawamuray.wasmtime.Memory;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.Val;
import io.github.kawamuray.wasmtime.WasmFunctionError;
import io.github.kawamuray.wasmtime.WasmtimeException;

import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A running instance of a WASI reactor module: instantiated, {@code _initialize} called once,
 * its exports reachable as typed handles, and a {@link LateLinker} to add generated code.
 *
 * <p>What a caller may rely on:
 * <ul>
 *   <li>The module's exports are defined under the import name {@code env}, so generated
 *       modules importing {@code env.memory}, {@code env.__indirect_function_table} or
 *       {@code env.NAME} get the main instance's memory, table and exports.</li>
 *   <li>Every call runs on the instance's own guest thread with a wall-clock deadline. One
 *       thread at a time may use an instance: a call from a second thread while one is under
 *       way is refused with {@link IllegalStateException}. {@link #exclusive} runs several
 *       calls as one unit.</li>
 *   <li>A guest error, trap, timeout or exit ends the call with a {@link GuestException} and
 *       leaves the instance usable. When the module exports the wasmjit extensions
 *       {@code stackPointer} and {@code setStackPointer}, the shadow-stack pointer is restored
 *       after every failed call, because a trap unwinds the wasm stack without restoring it.</li>
 *   <li>The guest's stdout and stderr reach the configured streams line by line, in order.</li>
 *   <li>{@link #close()} is idempotent; any use after it is an {@link IllegalStateException}.
 *       It never waits for a call to run to its deadline (see there). An instance dropped
 *       without {@code close()} is freed, thread and native state, once it is unreachable
 *       (a {@link Cleaner}); so is what the builder handed it with {@link Builder#owning}.</li>
 *   <li>On an {@linkplain WasmEngine#isolated isolated} engine, {@link #interrupt()} from any
 *       thread ends the call under way with a {@link GuestInterrupted}.</li>
 * </ul>
 */
public final class ReactorInstance implements AutoCloseable {

    /** The import module name under which the main instance's exports and host functions live. */
    public static final String ENV = "env";

    private static final String TABLE_EXPORT = "__indirect_function_table";
    private static final String MEMORY_EXPORT = "memory";

    private final WasmEngine engine;
    private final WasmModule module;
    private final ModuleShape shape;
    private final Duration defaultDeadline;
    private final GuestThread guestThread;
    private final ReentrantLock lock = new ReentrantLock();
    private final GuestWasi wasi;
    private final String errorImport;
    private final Map<String, GuestFunction> functions = new HashMap<>();
    private final Map<String, GuestGlobal> globals = new HashMap<>();
    private final CallOutput output = new CallOutput();
    private final CallFailure failure = new CallFailure();
    private final GuestMemory memory;
    private final LateLinker lateLinker;
    private final InstanceResources resources;
    private final Cleaner.Cleanable cleanable;

    /** Frees unreachable instances; its one daemon thread is made on first use. */
    private static final class Cleaning {
        static final Cleaner CLEANER = Cleaner.create(task -> {
            Thread thread = new Thread(task, "wasmjit-cleaner");
            thread.setDaemon(true);
            return thread;
        });
    }

    private Store<Void> store;
    private Linker linker;
    private Memory nativeMemory;
    private boolean inCall;
    private volatile boolean closed;
    private volatile Thread owner;
    private Integer savedStackPointer;
    private Func tableProbe;

    /** Guards the alarm of the call under way on an isolated engine, against interrupt() from other threads. */
    private final Object alarmLock = new Object();
    private long callGeneration;          // guarded by alarmLock
    private boolean armed;                // guarded by alarmLock: a call is under way and its epoch not advanced yet
    private boolean interruptRequested;   // guarded by alarmLock: the epoch was advanced by interrupt(), not the alarm
    private ScheduledFuture<?> alarm;     // guarded by alarmLock

    private ReactorInstance(Builder builder) {
        this.engine = builder.module.engine();
        this.module = builder.module;
        this.shape = builder.module.shape();
        this.defaultDeadline = builder.deadline;
        this.errorImport = builder.errorImport;
        this.guestThread = new GuestThread("wasmjit-guest", engine.settings().guestThreadStackBytes());
        // Nothing the store's host functions reach may refer to this instance: wasmtime-java
        // keeps every host function's handler in a static registry until the store is freed,
        // which would keep an instance dropped without close() reachable for ever.
        this.wasi = new GuestWasi(builder.stdout, builder.stderr, lineSink(output, builder.lineListener));
        this.memory = new GuestMemory(this, builder.allocate, builder.free);
        this.lateLinker = new LateLinker(this);
        this.resources = new InstanceResources(guestThread, builder.owned);
        this.cleanable = Cleaning.CLEANER.register(this, resources);
        try {
            onGuestThread(() -> {
                instantiate(builder);
                return null;
            });
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Starts building an instance of a reactor module.
     *
     * @param module the compiled module; it must not export {@code _start}
     * @return a builder
     */
    public static Builder builder(WasmModule module) {
        return new Builder(module);
    }

    /** Configures and creates a {@link ReactorInstance}. */
    public static final class Builder {
        private final WasmModule module;
        private OutputStream stdout = GuestWasi.passThroughStdout();
        private OutputStream stderr = GuestWasi.passThroughStderr();
        private GuestWasi.LineListener lineListener = (fd, line) -> { };
        private final Map<String, HostFunction> hostFunctions = new LinkedHashMap<>();
        private String errorImport;
        private Duration deadline = Duration.ofSeconds(10);
        private String allocate;
        private String free;
        private final List<AutoCloseable> owned = new ArrayList<>();

        private Builder(WasmModule module) {
            this.module = Objects.requireNonNull(module, "module");
        }

        /**
         * Where the guest's stdout goes; by default to {@link System#out}, line by line.
         *
         * @param out the stream; {@link OutputStream#nullOutputStream()} discards
         * @return this builder
         */
        public Builder stdout(OutputStream out) {
            this.stdout = Objects.requireNonNull(out, "out");
            return this;
        }

        /**
         * Where the guest's stderr goes; by default to {@link System#err}, line by line.
         *
         * @param err the stream; {@link OutputStream#nullOutputStream()} discards
         * @return this builder
         */
        public Builder stderr(OutputStream err) {
            this.stderr = Objects.requireNonNull(err, "err");
            return this;
        }

        /**
         * Told about every complete line on the guest's stdout (fd 1) and stderr (fd 2),
         * after it reached its stream.
         *
         * @param listener the listener, called on the guest thread
         * @return this builder
         */
        public Builder lineListener(GuestWasi.LineListener listener) {
            this.lineListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Provides the import {@code env.NAME} as a Java function.
         *
         * @param function the host function
         * @return this builder
         */
        public Builder hostFunction(HostFunction function) {
            hostFunctions.put(function.name(), function);
            return this;
        }

        /**
         * Names the import {@code env.NAME} (of type {@code () -> ()}) through which the guest
         * raises an error after writing {@code error: MESSAGE} to stderr. A call that reaches
         * it ends with a {@link GuestError} carrying that message.
         *
         * @param name the import's name, such as {@code throw_error}
         * @return this builder
         */
        public Builder errorImport(String name) {
            this.errorImport = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Names the module's allocator exports, {@code (i32 len) -> i32} and
         * {@code (i32 ptr) -> ()}, so that {@link GuestMemory#allocate} works.
         *
         * @param allocate the allocating export, such as {@code allocateBytes}
         * @param free     the freeing export, such as {@code freeBytes}
         * @return this builder
         */
        public Builder allocator(String allocate, String free) {
            this.allocate = Objects.requireNonNull(allocate, "allocate");
            this.free = Objects.requireNonNull(free, "free");
            return this;
        }

        /**
         * The wall-clock deadline of each call unless a handle says otherwise; 10 s by default.
         *
         * @param deadline a positive duration
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive, was " + deadline);
            }
            this.deadline = deadline;
            return this;
        }

        /**
         * Hands the instance a resource made for it alone, such as its {@link WasmModule} or an
         * {@linkplain WasmEngine#isolated isolated} engine (as {@code engine::close}). It is
         * closed right after the instance's store is freed, by {@link ReactorInstance#close()}
         * or by the cleaner, and also when instantiation fails.
         *
         * @param resource what to close after the instance
         * @return this builder
         */
        public Builder owning(AutoCloseable resource) {
            owned.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /**
         * Instantiates the module and calls its {@code _initialize}.
         *
         * @return the running instance
         * @throws ModuleException if the module imports what this host cannot provide, is a
         *                         command module, or fails to instantiate
         * @throws GuestException  if {@code _initialize} fails
         */
        public ReactorInstance instantiate() {
            return new ReactorInstance(this);
        }
    }

    // ---- instantiation -------------------------------------------------------------------

    private void instantiate(Builder builder) {
        Module module = builder.module.wasmtime();
        if (shape.export("_start").isPresent()) {
            throw new ModuleException("the module exports _start: it is a WASI command, not a reactor; "
                    + "build it with -mexec-model=reactor");
        }
        store = new Store<>(null, engine.wasmtime());
        resources.store = store;
        linker = new Linker(engine.wasmtime());
        resources.linker = linker;
        List<String> missing = new ArrayList<>();
        for (ModuleShape.Import anImport : shape.imports()) {
            if (anImport.kind() != ModuleShape.Kind.FUNCTION) {
                missing.add(anImport + " (this host provides only functions to a main module)");
            } else if (anImport.module().equals(GuestWasi.MODULE)) {
                FuncType type = NativeTypes.funcType(anImport.signature().orElseThrow());
                define(anImport, wasi.handler(store, anImport.name(), type));
            } else if (anImport.module().equals(ENV) && anImport.name().equals(errorImport)) {
                define(anImport, (caller, params, results) -> {
                    throw new CallFailure.GuestErrorRaised();
                });
            } else if (anImport.module().equals(ENV) && builder.hostFunctions.containsKey(anImport.name())) {
                HostFunction function = builder.hostFunctions.get(anImport.name());
                if (!function.signature().equals(anImport.signature().orElseThrow())) {
                    missing.add(anImport + " (the host function has type " + function.signature() + ")");
                } else {
                    WeakReference<GuestMemory> guestMemory = new WeakReference<>(memory);
                define(anImport, (caller, params, results) -> {
                    GuestMemory reachable = guestMemory.get();
                    if (reachable == null) {
                        throw new IllegalStateException("the instance is gone");
                    }
                    function.invoke(reachable, params, results);
                });
                }
            } else {
                missing.add(anImport.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new ModuleException("the module needs imports this host does not provide: "
                    + String.join(", ", missing));
        }
        beginCall(defaultDeadline);
        long started = System.nanoTime();
        try {
            linker.module(store, ENV, module);
        } catch (WasmtimeException | WasmFunctionError e) {
            if (!failure.ranGuestCode(e)) {
                throw new ModuleException("could not instantiate the module: " + e.getMessage(), e);
            }
            boolean initializerFailed = String.valueOf(e.getMessage()).contains(CallFailure.INITIALIZATION_FAILED);
            GuestException translated = translate("_initialize", defaultDeadline, e);
            if (initializerFailed && translated.getClass() == GuestTrap.class
                    && Duration.ofNanos(System.nanoTime() - started).compareTo(defaultDeadline) >= 0) {
                // the binding lost the trap's kind: a failure at the deadline is the deadline's
                throw new GuestTimeout("_initialize: deadline of " + defaultDeadline.toMillis() + " ms exceeded",
                        defaultDeadline, e);
            }
            if (initializerFailed && translated.getClass() == GuestTrap.class) {
                throw new GuestTrap(TrapKind.OTHER, "_initialize trapped (wasmtime-java 0.19.0 does not say how)", e);
            }
            throw translated;
        } finally {
            endCall();
        }
        nativeMemory = exportedExtern(MEMORY_EXPORT, ModuleShape.Kind.MEMORY).map(Extern::memory).orElse(null);
        resources.memory = nativeMemory;
        if (nativeMemory != null) {
            try {
                // notes the memory's base while it is small enough for one buffer (see MemoryWindows)
                wasi.memoryWindows().window(store, nativeMemory, 0, 0);
            } catch (IllegalStateException e) {
                throw new ModuleException("cannot host the module's memory: " + e.getMessage(), e);
            }
        }
        Optional<GuestFunction> stackPointer = function("stackPointer", FuncSignature.i32(0, 1));
        if (stackPointer.isPresent() && function("setStackPointer", FuncSignature.i32(1, 0)).isPresent()) {
            savedStackPointer = stackPointer.get().callI32();
        }
    }

    private void define(ModuleShape.Import anImport, Func.Handler<Void> implementation) {
        FuncType type = NativeTypes.funcType(anImport.signature().orElseThrow());
        Func func = new Func(store, type, hostHandler(resources, failure, implementation));
        resources.hostFuncs.add(func);
        linker.define(store, anImport.module(), anImport.name(), Extern.fromFunc(func));
    }

    /**
     * A host function's handler: records its failure for the call's translation, and refuses
     * to serve a guest whose instance was closed, which ends a call still running then at its
     * next host call. Static, so that the handler refers to nothing that refers to the instance.
     */
    private static Func.Handler<Void> hostHandler(InstanceResources resources, CallFailure failure,
                                                  Func.Handler<Void> implementation) {
        return (caller, params, results) -> {
            try {
                if (resources.closed) {
                    throw new IllegalStateException("the instance was closed during the call");
                }
                implementation.call(caller, params, results);
            } catch (RuntimeException | Error e) {
                failure.record(e);
                throw e;
            }
        };
    }

    /** Records each line of the call, then tells the user's listener; refers to no instance. */
    private static GuestWasi.LineListener lineSink(CallOutput output, GuestWasi.LineListener user) {
        return (fd, line) -> {
            output.add(fd, line);
            user.line(fd, line);
        };
    }

    // ---- public handles ------------------------------------------------------------------

    /**
     * The module's imports and exports.
     *
     * @return the module's shape
     */
    public ModuleShape shape() {
        return shape;
    }

    /**
     * The module this instance was made from (its bytes are what a static linker rewrites).
     *
     * @return the module
     */
    public WasmModule module() {
        return module;
    }

    /**
     * The engine this instance runs on.
     *
     * @return the engine
     */
    public WasmEngine engine() {
        return engine;
    }

    /**
     * A handle to an exported function, if the module exports one of that name.
     *
     * @param name the export's name
     * @return the handle, or empty when there is no such function export
     */
    public Optional<GuestFunction> function(String name) {
        Optional<ModuleShape.Export> export = shape.export(name)
                .filter(e -> e.kind() == ModuleShape.Kind.FUNCTION);
        if (export.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(onGuestThread(() -> functions.computeIfAbsent(name, n -> {
            Func func = exportedExtern(n, ModuleShape.Kind.FUNCTION).orElseThrow().func();
            resources.exportFuncs.add(func);
            return new GuestFunction(this, n, export.get().signature().orElseThrow(), func, defaultDeadline);
        })));
    }

    /**
     * A handle to an exported function that must have the given signature: the way to pick
     * up optional extensions.
     *
     * @param name      the export's name
     * @param signature the signature it must have
     * @return the handle, or empty when there is no function export of that name and type
     */
    public Optional<GuestFunction> function(String name, FuncSignature signature) {
        return function(name).filter(f -> f.signature().equals(signature));
    }

    /**
     * A handle to an exported function that must exist.
     *
     * @param name the export's name
     * @return the handle
     * @throws IllegalArgumentException if the module exports no function of that name
     */
    public GuestFunction requireFunction(String name) {
        return function(name).orElseThrow(() -> new IllegalArgumentException(
                "the module exports no function named \"" + name + "\""));
    }

    /**
     * The instance's exported linear memory ({@code memory}).
     *
     * @return the memory
     * @throws IllegalStateException if the module exports no memory named {@code memory}
     */
    public GuestMemory memory() {
        ensureOpen();
        if (nativeMemory == null) {
            throw new IllegalStateException("the module exports no memory named \"memory\"");
        }
        return memory;
    }

    /**
     * A handle to an exported global. The handle is made once per name and freed with the
     * instance; after {@link #close()} its methods throw {@link IllegalStateException}.
     *
     * @param name the export's name
     * @return the handle, or empty when there is no such global export
     */
    public Optional<GuestGlobal> global(String name) {
        if (shape.export(name).filter(e -> e.kind() == ModuleShape.Kind.GLOBAL).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(onGuestThread(() -> globals.computeIfAbsent(name, n -> {
            io.github.kawamuray.wasmtime.Global global = exportedExtern(n, ModuleShape.Kind.GLOBAL).orElseThrow().global();
            resources.globals.add(global);
            return new GuestGlobal(this, n, global);
        })));
    }

    /**
     * The current number of slots in the exported {@code __indirect_function_table}.
     *
     * @return the table's size
     * @throws IllegalStateException if the module exports no such table
     */
    public int tableSize() {
        if (shape.export(TABLE_EXPORT).filter(e -> e.kind() == ModuleShape.Kind.TABLE).isEmpty()) {
            throw new IllegalStateException("the module exports no table named \"" + TABLE_EXPORT + "\"");
        }
        return onGuestThread(() -> {
            if (tableProbe == null) {
                // wasmtime-java has no Table.size(): a one-function module reads it through the linker
                Module probe = Module.fromBinary(engine.wasmtime(), TableProbe.bytes(ENV, TABLE_EXPORT));
                try {
                    linker.module(store, TableProbe.NAMESPACE, probe);
                } finally {
                    probe.dispose();
                }
                tableProbe = linker.get(store, TableProbe.NAMESPACE, TableProbe.EXPORT).orElseThrow().func();
                resources.tableProbe = tableProbe;
            }
            return invoke("table size probe", tableProbe, defaultDeadline)[0].i32();
        });
    }

    /**
     * The late linker that adds generated modules to this instance.
     *
     * @return this instance's late linker
     */
    public LateLinker lateLinker() {
        ensureOpen();
        return lateLinker;
    }

    /**
     * The lines the guest wrote to stdout during the most recent call that ran on this
     * instance: the latest 1,000 at most, and at most 1 MiB of text (the last line always).
     *
     * @return the lines, without newlines
     */
    public List<String> lastCallStdout() {
        return onGuestThread(output::stdout);
    }

    /**
     * The lines the guest wrote to stderr during the most recent call.
     *
     * @return the lines, without newlines
     */
    public List<String> lastCallStderr() {
        return onGuestThread(output::stderr);
    }

    /**
     * The deadline calls get unless a handle says otherwise.
     *
     * @return the default deadline
     */
    public Duration defaultDeadline() {
        return defaultDeadline;
    }

    /**
     * Runs several operations on this instance as one unit: no other thread can call in
     * between, and the calls cost no thread hand-over each.
     *
     * @param work the operations
     * @param <T>  the result type
     * @return what {@code work} returned
     * @throws IllegalStateException if another thread is using the instance, or it is closed
     */
    public <T> T exclusive(Supplier<T> work) {
        return onGuestThread(work::get);
    }

    /**
     * Stops the call under way, from any thread: it ends with a {@link GuestInterrupted} as
     * soon as the guest reaches its next epoch check (a function entry or a loop's back edge,
     * in interpreted and compiled code alike), and the instance works on afterwards. Nothing
     * happens when no call is under way.
     *
     * @return true if a call was under way and is being stopped
     * @throws IllegalStateException if the instance's engine is not
     *                               {@linkplain WasmEngine#isolated isolated}: advancing a
     *                               shared engine's epoch would stop every instance on it
     */
    public boolean interrupt() {
        if (!engine.isIsolated()) {
            throw new IllegalStateException("only an instance on an isolated engine (WasmEngine.isolated) can be interrupted");
        }
        synchronized (alarmLock) {
            return ring(callGeneration, true);
        }
    }

    /**
     * Frees the instance: its store, linked code and guest thread, and what the builder handed
     * it with {@link Builder#owning}. Idempotent, and callable from any thread:
     * <ul>
     *   <li>With no call under way it frees everything before it returns.</li>
     *   <li>With a call under way on another thread it does not wait for it: on an
     *       {@linkplain WasmEngine#isolated isolated} engine it interrupts the call through the
     *       epoch (as {@link #interrupt()}) and returns once the call has ended, within
     *       milliseconds; on a shared engine, whose epoch other instances' deadlines count on,
     *       it returns at once, the call ends at its next host call (output included) or at its
     *       deadline, and the calling thread frees the instance then. Either way that call ends
     *       with an {@link IllegalStateException} saying the instance was closed, unless it had
     *       finished.</li>
     *   <li>From inside a host function or an {@link #exclusive} block of this instance, it
     *       marks the instance closed and the instance is freed when the outermost call
     *       returns.</li>
     * </ul>
     * Any use after {@code close()} is an {@link IllegalStateException}.
     */
    @Override
    public void close() {
        closed = true;
        resources.closed = true;
        if (guestThread.isCurrent()) {
            return; // freed by the thread that entered the instance, when its call returns (onGuestThread)
        }
        if (!lock.tryLock()) {
            if (!engine.isIsolated()) {
                return; // the thread in the call frees the instance when the call ends (onGuestThread)
            }
            synchronized (alarmLock) {
                ring(callGeneration, true);
            }
            lock.lock(); // the interrupted call ends at its next epoch check
        }
        try {
            cleanable.clean();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether {@link #close()} has been called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed;
    }

    // ---- for the bridge's own classes ----------------------------------------------------

    /** Runs {@code task} on the guest thread while holding this instance for the calling thread. */
    <T> T onGuestThread(java.util.concurrent.Callable<T> task) {
        if (guestThread.isCurrent()) {
            // inside an exclusive block or a host function: the submitting thread holds the instance
            ensureOpen();
            return guestThread.run(task);
        }
        if (!lock.tryLock()) {
            Thread busy = owner;
            throw new IllegalStateException("this instance is in use by thread \""
                    + (busy == null ? "?" : busy.getName())
                    + "\"; an instance serves one thread at a time (create one instance per thread)");
        }
        try {
            ensureOpen();
            owner = Thread.currentThread();
            return guestThread.run(task);
        } finally {
            owner = null;
            lock.unlock();
            releaseIfClosed();
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Frees the instance if close() came while this thread was in a call (from another thread
     * on a shared engine, or from inside a host function), and no other thread has entered
     * since; one that has frees it on its own way out.
     */
    private void releaseIfClosed() {
        if (closed && lock.tryLock()) {
            try {
                cleanable.clean();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Calls a function with a deadline, on the guest thread, translating every failure. */
    Val[] invoke(String what, Func func, Duration deadline, Val... args) {
        return onGuestThread(() -> {
            beginCall(deadline);
            try {
                return func.call(store, args);
            } catch (WasmtimeException | WasmFunctionError e) {
                GuestException translated = translate(what, deadline, e);
                if (closed) {
                    throw new IllegalStateException(what + ": the instance was closed during the call", translated);
                }
                throw translated;
            } finally {
                endCall();
            }
        });
    }

    /** Instantiates a generated module under a namespace of its own; used by the late linker. */
    void instantiateUnder(String namespace, Module module, Duration deadline) {
        onGuestThread(() -> {
            beginCall(deadline);
            try {
                linker.module(store, namespace, module);
            } catch (WasmtimeException | WasmFunctionError e) {
                if (!failure.ranGuestCode(e)) {
                    throw new LinkException("could not instantiate the generated module: " + e.getMessage(), e);
                }
                throw translate("the start function of " + namespace, deadline, e);
            } finally {
                endCall();
            }
            return null;
        });
    }

    /** Whether the main instance offers {@code env.NAME} with this kind, for the late linker. */
    boolean definesInEnv(String name, ModuleShape.Kind kind) {
        return onGuestThread(() -> {
            Optional<Extern> extern = linker.get(store, ENV, name);
            if (extern.isEmpty()) {
                return false;
            }
            Extern e = extern.get();
            boolean matches = switch (e.type()) {
                case FUNC -> kind == ModuleShape.Kind.FUNCTION;
                case MEMORY -> kind == ModuleShape.Kind.MEMORY;
                case TABLE -> kind == ModuleShape.Kind.TABLE;
                case GLOBAL -> kind == ModuleShape.Kind.GLOBAL;
                default -> false;
            };
            disposeExtern(e);
            return matches;
        });
    }

    Store<Void> store() {
        return store;
    }

    Memory nativeMemory() {
        return nativeMemory;
    }

    /** The windows onto the memory, shared with the instance's WASI. */
    MemoryWindows memoryWindows() {
        return wasi.memoryWindows();
    }

    GuestThread guestThread() {
        return guestThread;
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this instance has been closed");
        }
    }

    // ---- calls ---------------------------------------------------------------------------

    /**
     * Marks the instance as in a call. The mark is set last, once nothing here can fail, and
     * every caller clears it in a {@code finally} through {@link #endCall}: a mark left set
     * would refuse every later call as re-entrant.
     */
    private void beginCall(Duration deadline) {
        ensureOpen();
        if (inCall) {
            throw new IllegalStateException("a host function cannot call back into its own instance");
        }
        long ticks = engine.ticksFor(deadline);
        failure.clear();
        output.clear();
        if (engine.isIsolated()) {
            synchronized (alarmLock) {
                store.setEpochDeadline(ticks);
                long generation = ++callGeneration;
                interruptRequested = false;
                armed = true;
                alarm = engine.alarm(deadline, () -> {
                    synchronized (alarmLock) {
                        ring(generation, false);
                    }
                });
            }
        } else {
            store.setEpochDeadline(ticks);
        }
        inCall = true;
    }

    private void endCall() {
        try {
            wasi.flushPartialLines();
        } finally {
            disarm();
            inCall = false;
        }
    }

    /** Ends the call of this generation if it is still under way: its deadline is one epoch away. */
    private boolean ring(long generation, boolean interrupt) {
        if (!armed || generation != callGeneration) {
            return false;
        }
        armed = false;
        interruptRequested = interrupt;
        engine.advanceEpoch();
        return true;
    }

    /** The call is over: neither its alarm nor interrupt() may advance the epoch any more. */
    private void disarm() {
        if (!engine.isIsolated()) {
            return;
        }
        synchronized (alarmLock) {
            armed = false;
            if (alarm != null) {
                alarm.cancel(false);
                alarm = null;
            }
        }
    }

    private GuestException translate(String what, Duration deadline, RuntimeException e) {
        RuntimeException listenerFailure = null;
        try {
            wasi.flushPartialLines();
        } catch (RuntimeException f) {
            listenerFailure = f; // the user's line listener threw: keep the call's own failure first
        }
        disarm();
        GuestException translated = failure.translate(what, deadline, e, output);
        boolean interrupted;
        synchronized (alarmLock) {
            interrupted = interruptRequested;
            interruptRequested = false;
        }
        if (interrupted && translated instanceof GuestTimeout) {
            translated = new GuestInterrupted(what + ": interrupted", e);
        }
        if (listenerFailure != null) {
            translated.addSuppressed(listenerFailure);
        }
        restoreStackPointer();
        return translated;
    }

    private void restoreStackPointer() {
        if (savedStackPointer == null) {
            return;
        }
        GuestFunction set = functions.get("setStackPointer");
        store.setEpochDeadline(engine.ticksFor(defaultDeadline));
        set.nativeFunc().call(store, Val.fromI32(savedStackPointer));
    }

    private Optional<Extern> exportedExtern(String name, ModuleShape.Kind kind) {
        if (shape.export(name).filter(e -> e.kind() == kind).isEmpty()) {
            return Optional.empty();
        }
        return linker.get(store, ENV, name);
    }

    private static void disposeExtern(Extern e) {
        switch (e.type()) {
            case FUNC -> e.func().dispose();
            case MEMORY -> e.memory().dispose();
            // Table.dispose() has no native implementation in 0.19.0 (UnsatisfiedLinkError)
            case GLOBAL -> e.global().dispose();
            default -> { }
        }
    }
}
