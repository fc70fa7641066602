package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestFunction;
import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.LinkReport;
import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.StoreSettings;
import dev.wasmjit.bridge.TrapKind;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The Scheme interpreter guest, driven from Java: parse, evaluate, compile what ran, link it.
 *
 * <pre>{@code
 * try (SchemeInterpreter scheme = SchemeInterpreter.builder().build()) {
 *     Expression program = scheme.parse("(letrec ((fib (lambda (n) ...))) (fib 20))");
 *     scheme.eval(program);                 // interpreted: 10946
 *     scheme.jit().ifPresent(scheme::link); // compile the functions that ran, link them
 *     scheme.eval(program);                 // now runs compiled code
 * }
 * }</pre>
 *
 * <p>It drives any module with the guest ABI (its core exports are enough) and uses the wasmjit extensions when
 * the module exports them: result values, error messages, counters and the shadow-stack pointer. Errors of the
 * program are {@link GuestError}s with the guest's message; traps, timeouts and the guest's own limits are
 * {@link GuestTrap}s whose {@link GuestTrap#kind() kind} names the limit: too deep recursion is
 * {@link TrapKind#STACK_OVERFLOW} whether the guest's call-depth limit or the wasm stack stopped it, an exhausted
 * heap is {@link TrapKind#OUT_OF_MEMORY}, a passed deadline is a {@link dev.wasmjit.bridge.GuestTimeout}
 * ({@link TrapKind#TIMEOUT}). After any of them the interpreter keeps working, expressions parsed earlier included,
 * and linked code still runs. Every guest allocation the host makes is freed. One thread at a time may use an
 * interpreter; a second thread is refused with {@link IllegalStateException}. Programs as text and calls with Java
 * values are {@link SchemeGlobals}'s.
 */
public final class SchemeInterpreter extends SchemeGlobals implements AutoCloseable {

    /** The class-path resource holding the bundled guest. */
    public static final String BUNDLED_RESOURCE = "/dev/wasmjit/scheme/interplib.wasm";

    /** The default heap each evaluation gets, as the seed's interp.py passes: 1 MiB. */
    public static final int DEFAULT_HEAP_BYTES = 1 << 20;

    /**
     * How large the heap may grow by default when live data crowds it: a quarter of the machine's physical memory,
     * at least 256 MiB and at most {@link InterpreterSettings#LARGEST_HEAP_LIMIT} (the guest's 32-bit address space),
     * fixed when this class is loaded. Programs sized like the r7rs benchmarks' runs need more than a fixed 256 MiB;
     * a quarter leaves the rest of the machine to everything else.
     */
    public static final long DEFAULT_MAX_HEAP_BYTES = InterpreterSettings.machineHeapLimit();

    private final ReactorInstance instance;
    private final GuestAbi abi;
    private final int heapBytes;
    private volatile boolean closed;

    /** Made by {@link InterpreterSettings#build()}. */
    SchemeInterpreter(ReactorInstance instance, GuestAbi abi, int heapBytes, AutomaticTiering tiering,
                      HostObjects handles) {
        super(tiering, handles);
        this.instance = instance;
        this.abi = abi;
        this.heapBytes = heapBytes;
    }

    /**
     * Starts configuring an interpreter.
     *
     * @return a builder with the defaults that {@link StoreSettings} and
     *         {@link InterpreterSettings} give: bundled guest, 1 MiB heap, output passed
     *         through to {@link System#out} and {@link System#err}, 10 s per guest call
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link SchemeInterpreter} ({@link StoreSettings}, {@link InterpreterSettings}) and builds it. */
    public static final class Builder extends InterpreterSettings {
        private Builder() {
        }
    }

    /**
     * Parses a program.
     *
     * @param source the program text
     * @return a handle to the parsed expression
     * @throws GuestError if the program does not parse; the message gives line and column. A NUL character is a
     *                    parse error too: the guest reads NUL-terminated text and would silently ignore the rest.
     */
    @Override
    public Expression parse(String source) {
        Objects.requireNonNull(source, "source");
        ensureOpen();
        return abi.parse(this, source);
    }

    /**
     * A handle to an expression that is already in guest memory without parsing it again: the handle a statically
     * linked module was snapshotted with (its functions are compiled already, where a new parse would make new,
     * uncompiled ones).
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
        return abi.expressionAt(this, address);
    }

    /**
     * Evaluates with the default heap size and deadline.
     *
     * @param expression a handle from this interpreter's {@link #parse}
     * @return the result
     * @throws GuestError if the program fails
     * @throws GuestTrap  if the guest traps or hits a limit (its {@link GuestTrap#kind() kind} says which)
     */
    @Override
    public SchemeValue eval(Expression expression) {
        return eval(expression, heapBytes);
    }

    /**
     * Evaluates with a heap of the given size. The heap lives as long as the interpreter, so top-level
     * definitions of earlier evaluations are visible; a size different from the current one resizes it,
     * keeping every live object (an evaluation fails with {@link TrapKind#OUT_OF_MEMORY} if they do not fit).
     *
     * @param expression a handle from this interpreter's {@link #parse}
     * @param heapBytes  the heap size for this evaluation: positive; below the guest's minimum the
     *                   evaluation fails with {@link TrapKind#OUT_OF_MEMORY}
     * @return the result
     * @throws IllegalArgumentException if the size is zero or negative (the guest is not called)
     */
    public SchemeValue eval(Expression expression, int heapBytes) {
        return evalWith(abi.eval, expression, heapBytes);
    }

    /**
     * Evaluates with a heap of the given size (see {@link #eval(Expression, int)}) and a wall-clock deadline.
     *
     * @param expression a handle from this interpreter's {@link #parse}
     * @param heapBytes  the heap size for this evaluation
     * @param deadline   how long the evaluation may run: positive
     * @return the result
     * @throws IllegalArgumentException if the expression belongs to another interpreter, or the heap size
     *                                  or the deadline is zero or negative
     */
    public SchemeValue eval(Expression expression, int heapBytes, Duration deadline) {
        return evalWith(abi.eval.withDeadline(deadline), expression, heapBytes);
    }

    @Override
    void evalQuietly(String source) {  // the host's own definitions: no result line, whatever the settings
        evalWith(abi.quietEval, parse(source), heapBytes);
    }

    private SchemeValue evalWith(GuestFunction eval, Expression expression, int heapBytes) {
        Objects.requireNonNull(expression, "expression");
        ensureOpen();
        return tiering.aroundEvaluation(() -> abi.eval(this, eval, expression, heapBytes));
    }

    /**
     * Asks the guest to compile the functions that ran since the last round.
     *
     * @return the generated module; empty when nothing waits, or once the interpreter has linked
     *         its {@linkplain InterpreterLimits#maxJitModules(int) ceiling} of modules
     * @throws IllegalStateException if the guest reports a module that is not inside its memory,
     *                               or larger than {@link JitModule#MAX_BYTES}
     */
    public Optional<JitModule> jit() {
        ensureOpen();
        if (tiering.settings().mode() == Tiering.Mode.OFF || instance.lateLinker().isFull()) {
            return Optional.empty();
        }
        return abi.jit(this);
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
     * @throws dev.wasmjit.bridge.LinkException if linking fails or the interpreter has linked
     *                                          its {@linkplain InterpreterLimits#maxJitModules(int)
     *                                          ceiling} of modules; it keeps what it had before
     */
    public LinkReport link(JitModule module) {
        Objects.requireNonNull(module, "module");
        byte[] bytes = module.bytesFor(this);
        ensureOpen();
        return instance.lateLinker().link(bytes);
    }

    /**
     * How many functions have run and wait for the next {@link #jit()} round.
     *
     * @return the count, absent if the guest lacks the {@code pendingJitCount} extension
     */
    public GuestCount pendingJitCount() {
        return counter(abi.pendingJitCount, "pendingJitCount");
    }

    /**
     * How many functions have compiled code linked in.
     *
     * @return the count, absent if the guest lacks the {@code compiledFunctionCount} extension
     */
    public GuestCount compiledFunctionCount() {
        return counter(abi.compiledFunctionCount, "compiledFunctionCount");
    }

    /**
     * How many garbage collections the last (or current) evaluation ran.
     *
     * @return the count, absent if the guest lacks the {@code collectionCount} extension
     */
    public GuestCount collectionCount() {
        return counter(abi.collectionCount, "collectionCount");
    }

    /** @return the current size of the guest's function table, which grows with each linked round */
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
     * Stops the guest call under way, from any thread: it ends with a GuestInterrupted ({@link TrapKind#INTERRUPTED})
     * at the next epoch check, interpreted or compiled, and the interpreter works on with what it had. Does nothing
     * when no call is under way.
     *
     * @return true if a call was under way and is being stopped
     * @throws IllegalStateException if not built {@link Builder#interruptible(boolean) interruptible}
     */
    public boolean interrupt() {
        if (!instance.engine().isIsolated()) {
            throw new IllegalStateException("this SchemeInterpreter was not built interruptible (Builder.interruptible(true))");
        }
        return !closed && instance.interrupt();
    }

    /**
     * Stops a background compilation and frees the guest instance, from any thread; idempotent, and any other use
     * afterwards is an {@link IllegalStateException}. A call under way elsewhere ends at once when
     * {@linkplain Builder#interruptible interruptible}, else at its next output or deadline
     * ({@link ReactorInstance#close()}). One dropped unclosed is freed when unreachable.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeWith(instance);
    }

    private GuestCount counter(Optional<GuestFunction> function, String export) {
        ensureOpen();
        return abi.count(function, export);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this SchemeInterpreter has been closed");
        }
    }

    /**
     * The bundled guest's bytes ({@link #BUNDLED_RESOURCE}, built from guest/interplib.wasm),
     * for tools that rewrite the main module (the static linker).
     *
     * @return a fresh copy of the module's bytes
     * @throws IllegalStateException if the resource is missing from the class path
     */
    public static byte[] bundledBytes() {
        return BundledGuest.read(BUNDLED_RESOURCE);
    }
}
