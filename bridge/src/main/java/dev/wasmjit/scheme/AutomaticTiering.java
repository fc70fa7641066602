package dev.wasmjit.scheme;

import dev.wasmjit.bridge.FuncSignature;
import dev.wasmjit.bridge.GuestMemory;
import dev.wasmjit.bridge.HostFunction;
import dev.wasmjit.bridge.LateLinker;
import dev.wasmjit.bridge.LinkReport;
import dev.wasmjit.bridge.TieringImports;
import dev.wasmjit.bridge.WasmEngine;
import dev.wasmjit.bridge.WasmModule;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The host's half of automatic tiering for one interpreter ({@code docs/DESIGN.md}, "Automatic
 * tiering"). The guest hands a module of its hot functions over through {@code env.jit_ready};
 * a compiler thread compiles it while the guest interprets on; the guest's next
 * {@code env.tier_poll} after the compilation finished links it right there, inside the host
 * call, or the interpreter links it between evaluations, whichever comes first. One round is
 * in flight at a time. A round that fails to compile or link is counted and dropped: its
 * functions stay interpreted.
 *
 * <p>Every interpreter has one; unless its tiering is automatic it does nothing.
 *
 * <p>The imports' handlers hold this object weakly: wasmtime-java keeps every handler for as
 * long as the store lives, and the interpreter must stay collectable.
 */
final class AutomaticTiering implements AutoCloseable {

    /** Compiler threads, shared by every interpreter with the same count; idle threads end. */
    private static final Map<Integer, ThreadPoolExecutor> COMPILERS = new ConcurrentHashMap<>();
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    /** A module handed over: its compilation, and when the compilation ended (module or not). */
    private record Round(CompletableFuture<WasmModule> module, CompletableFuture<Void> ended,
                         AtomicReference<Thread> compiler) {
    }

    private final Tiering settings;
    private final WasmEngine engine;
    private final AtomicReference<Round> inFlight = new AtomicReference<>();
    private volatile LateLinker linker;
    private volatile boolean closed;
    /** Test seam: what a round's bytes become before they are compiled (on the compiler thread). */
    volatile UnaryOperator<byte[]> beforeCompile = UnaryOperator.identity();
    /**
     * Test seam: polls and boundaries wait for the compilation in flight, so that tests see a
     * round link at a known point.
     */
    volatile boolean waitForCompilation;
    /** Rounds linked at a poll, inside an evaluation (the rest were linked between evaluations). */
    final AtomicInteger linkedWithinCalls = new AtomicInteger();

    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicInteger functionsCompiled = new AtomicInteger();
    private final AtomicInteger failedRounds = new AtomicInteger();
    private final AtomicLong compileNanos = new AtomicLong();
    private final AtomicLong linkNanos = new AtomicLong();
    private final AtomicLong waitNanos = new AtomicLong();
    private final AtomicLong longestWaitNanos = new AtomicLong();

    AutomaticTiering(Tiering settings, WasmEngine engine) {
        this.settings = settings;
        this.engine = engine;
    }

    /** The two imports the guest calls, bound weakly to this object. */
    List<HostFunction> imports() {
        WeakReference<AutomaticTiering> self = new WeakReference<>(this);
        return List.of(
                new HostFunction(TieringImports.JIT_READY, FuncSignature.i32(2, 1), (memory, args) -> {
                    AutomaticTiering tiering = self.get();
                    return List.of(tiering == null ? 0 : tiering.jitReady(memory, args.get(0).intValue(),
                            args.get(1).intValue()));
                }),
                new HostFunction(TieringImports.TIER_POLL, FuncSignature.i32(0, 1), (memory, args) -> {
                    AutomaticTiering tiering = self.get();
                    return List.of(tiering == null ? 1 : tiering.poll());
                }));
    }

    /**
     * Links through this linker from now on (set once the instance exists); once it is
     * {@linkplain LateLinker#isFull full} the guest's next hand-over is refused, and the guest
     * stops tiering.
     */
    void attach(LateLinker lateLinker) {
        this.linker = lateLinker;
    }

    Tiering settings() {
        return settings;
    }

    /**
     * Runs an evaluation. Between evaluations is a safe point: a round compiled meanwhile is
     * linked before and after it.
     */
    <T> T aroundEvaluation(java.util.function.Supplier<T> evaluation) {
        atBoundary();
        try {
            return evaluation.get();
        } finally {
            if (!closed) {
                atBoundary();
            }
        }
    }

    /** Between evaluations: links a round whose compilation has finished; never waits for one. */
    private void atBoundary() {
        Round round = inFlight.get();
        if (round != null && waitForCompilation) {
            round.ended().join();
        }
        if (round != null && round.ended().isDone() && inFlight.compareAndSet(round, null)) {
            link(round, false);
        }
    }

    TieringStats stats() {
        if (!settings.isAutomatic()) {
            return TieringStats.NONE;
        }
        return new TieringStats(rounds.get(), functionsCompiled.get(), failedRounds.get(),
                Duration.ofNanos(compileNanos.get()), Duration.ofNanos(linkNanos.get()),
                Duration.ofNanos(waitNanos.get()), Duration.ofNanos(longestWaitNanos.get()));
    }

    /**
     * Drops a round in flight: interrupts its compilation and waits until the compiler thread has
     * let go of it, so that the engine is never closed under a compilation of this interpreter.
     */
    @Override
    public void close() {
        closed = true;
        Round round = inFlight.getAndSet(null);
        if (round != null) {
            round.module().cancel(true);
            Thread compiler = round.compiler().get();
            if (compiler != null) {
                compiler.interrupt(); // wasmtime's compilation does not look; a slow step before it may
            }
            round.ended().join();
            round.module().thenAccept(WasmModule::close);
        }
    }

    /** env.jit_ready: copies the module's bytes and starts compiling them; 1 if taken. */
    private int jitReady(GuestMemory memory, int address, int size) {
        long started = System.nanoTime();
        try {
            if (closed || linker == null || inFlight.get() != null) {
                return closed ? 0 : 1; // taken and dropped: the guest polls, gets 1, and goes on
            }
            if (linker.isFull()) {
                return 0; // the interpreter's ceiling of modules: not taken, and the guest stops tiering
            }
            byte[] bytes = memory.read(address, size);
            inFlight.set(compile(bytes));
            if (closed) {
                close(); // close() came from another thread meanwhile: drop what it did not see
            }
            return 1;
        } finally {
            waited(started);
        }
    }

    /** env.tier_poll: 1 once no round is in flight, after linking one that has compiled. */
    private int poll() {
        long started = System.nanoTime();
        Round round = inFlight.get();
        if (round == null) {
            waited(started);
            return 1;
        }
        if (waitForCompilation) {
            round.ended().join();
        }
        if (!round.ended().isDone()) {
            waited(started);
            return 0;
        }
        inFlight.compareAndSet(round, null);
        waited(started);
        link(round, true);
        return 1;
    }

    /** Counts a stay of the guest thread in an import, from {@code started} until now. */
    private void waited(long started) {
        long nanos = System.nanoTime() - started;
        waitNanos.addAndGet(nanos);
        longestWaitNanos.accumulateAndGet(nanos, Math::max);
    }

    private Round compile(byte[] bytes) {
        CompletableFuture<WasmModule> module = new CompletableFuture<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        UnaryOperator<byte[]> transform = beforeCompile;
        AtomicLong compileTime = compileNanos;
        WasmEngine compilingEngine = engine;
        AtomicReference<Thread> compiler = new AtomicReference<>();
        compilers(settings.compilerThreads()).execute(() -> {
            long started = System.nanoTime();
            compiler.set(Thread.currentThread());
            try {
                if (!module.isDone()) {
                    WasmModule compiled = compilingEngine.compile(transform.apply(bytes));
                    if (!module.complete(compiled)) {
                        compiled.close(); // dropped by close() while it compiled
                    }
                }
            } catch (RuntimeException | Error e) {
                module.completeExceptionally(e);
            } finally {
                compiler.set(null);
                compileTime.addAndGet(System.nanoTime() - started);
                ended.complete(null);
            }
        });
        return new Round(module, ended, compiler);
    }

    private void link(Round round, boolean withinCall) {
        WasmModule module;
        try {
            module = round.module().join();
        } catch (RuntimeException e) {
            failedRounds.incrementAndGet();
            return;
        }
        long started = System.nanoTime();
        try {
            LinkReport report = withinCall ? linker.linkWithinCall(module) : linker.link(module);
            rounds.incrementAndGet();
            if (withinCall) {
                linkedWithinCalls.incrementAndGet();
            }
            functionsCompiled.addAndGet(report.slotsAdded()); // the patch adds one slot per function
        } catch (dev.wasmjit.bridge.LinkException e) {
            failedRounds.incrementAndGet();
        } finally {
            module.close();
            linkNanos.addAndGet(System.nanoTime() - started);
        }
    }

    private static ThreadPoolExecutor compilers(int threads) {
        return COMPILERS.computeIfAbsent(threads, n -> {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    task -> {
                        Thread thread = new Thread(task, "wasmjit-compiler-" + THREAD_NUMBERS.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        });
    }
}
