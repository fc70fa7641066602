package dev.wasmjit.bridge;


import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A running instance of a WASI reactor module: instantiated, {@code _initialize} called once,
 * its exports reachable as typed handles, and a {@link LateLinker} to add generated code.
 * In wasmtime's terms it is one instance in a store of its own, whose linker resolves the
 * imports of the module and of generated code.
 *
 * <p>What a caller may rely on:
 * <ul>
 *   <li>The module's exports are defined under the import name {@code env}, so generated
 *       modules importing {@code env.memory}, {@code env.__indirect_function_table} or
 *       {@code env.NAME} get the main instance's memory, table and exports.</li>
 *   <li>Every call runs on the instance's own guest thread with a wall-clock deadline, unless
 *       the builder or the handle says it has none. One thread at a time may use an instance:
 *       a call from a second thread while one is under way is refused with
 *       {@link IllegalStateException}. {@link #exclusive} runs several calls as one unit.</li>
 *   <li>A guest error, trap, timeout or exit ends the call with a {@link GuestException} and
 *       leaves the instance usable. When the module exports the wasmjit extensions
 *       {@code stackPointer} and {@code setStackPointer}, the shadow-stack pointer is restored
 *       after every failed call, because a trap unwinds the wasm stack without restoring it.</li>
 *   <li>The guest's stdout and stderr reach the configured streams line by line, in order.</li>
 *   <li>{@link #close()} is idempotent; any use after it is an {@link IllegalStateException}.
 *       It never waits for a call to run to its deadline (see there). An instance dropped
 *       without {@code close()} is freed, thread and native state, once neither it nor any of
 *       its handles is reachable (a {@link Cleaner}); so is what the builder handed it with
 *       {@link Builder#owning}.</li>
 *   <li>On an {@linkplain WasmEngine#isolated isolated} engine, {@link #interrupt()} from any
 *       thread ends the call under way with a {@link GuestInterrupted}.</li>
 * </ul>
 */
public final class ReactorInstance implements AutoCloseable {

    /** The import module name under which the main instance's exports and host functions live. */
    public static final String ENV = GuestLinker.ENV;

    private final WasmModule module;
    private final InstanceParts parts;

    private ReactorInstance(Builder builder) {
        this.module = builder.module;
        this.parts = new InstanceParts(builder);
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

    /**
     * Configures and creates a {@link ReactorInstance}: {@link StoreSettings} says how output
     * and deadlines are set, {@link ReactorSettings} how the module's imports are provided.
     */
    public static final class Builder extends ReactorSettings {

        private Builder(WasmModule module) {
            super(module);
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

    /**
     * The module's imports and exports.
     *
     * @return the module's shape
     */
    public ModuleShape shape() {
        return module.shape();
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
        return module.engine();
    }

    /**
     * A handle to an exported function, if the module exports one of that name. Its calls get
     * the instance's {@linkplain #defaultDeadline() default deadline}.
     *
     * @param name the export's name
     * @return the handle, or empty when there is no such function export
     */
    public Optional<GuestFunction> function(String name) {
        return parts.exports.function(name);
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
        return parts.exports.function(name, signature);
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
        parts.store.ensureOpen();
        if (!parts.memory.isAttached()) {
            throw new IllegalStateException("the module exports no memory named \"" + InstanceParts.MEMORY_EXPORT + "\"");
        }
        return parts.memory;
    }

    /**
     * A handle to an exported global. The handle is made once per name and freed with the
     * instance; after {@link #close()} its methods throw {@link IllegalStateException}.
     *
     * @param name the export's name
     * @return the handle, or empty when there is no such global export
     */
    public Optional<GuestGlobal> global(String name) {
        return parts.exports.global(name);
    }

    /**
     * The current number of slots in the exported {@code __indirect_function_table}.
     *
     * @return the table's size
     * @throws IllegalStateException if the module exports no such table
     */
    public int tableSize() {
        return parts.table.size();
    }

    /**
     * The late linker that adds generated modules to this instance.
     *
     * @return this instance's late linker
     */
    public LateLinker lateLinker() {
        parts.store.ensureOpen();
        return parts.lateLinker;
    }

    /**
     * The lines the guest wrote to stdout during the most recent call that ran on this
     * instance: the latest 1,000 at most, and at most 1 MiB of text (the last line always).
     *
     * @return the lines, without newlines
     */
    public List<String> lastCallStdout() {
        return parts.store.run(parts.output::stdout);
    }

    /**
     * The lines the guest wrote to stderr during the most recent call.
     *
     * @return the lines, without newlines
     */
    public List<String> lastCallStderr() {
        return parts.store.run(parts.output::stderr);
    }

    /**
     * The deadline calls get unless a handle says otherwise, as the builder set it.
     *
     * @return the default deadline, or empty when calls run without one
     */
    public Optional<Duration> defaultDeadline() {
        return parts.defaultDeadline;
    }

    /**
     * How long the call under way may still run before its deadline: for a host function that
     * waits, so that it waits no longer than the call may last.
     *
     * @return the time left, zero once the deadline has passed; empty when no call is under way
     *         or it has no deadline
     */
    public Optional<Duration> callTimeLeft() {
        return parts.epochDeadline.timeLeft();
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
        return parts.store.run(work::get);
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
        return parts.epochDeadline.interrupt();
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
        parts.store.close();
    }

    /**
     * Whether {@link #close()} has been called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return parts.store.isClosed();
    }
}
