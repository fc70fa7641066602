package dev.wasmjit.bridge;

import dev.wasmjit.nativeconfig.EngineSettings;
import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.WasmtimeException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A wasmtime engine: compiles modules and keeps time for deadlines.
 *
 * <p>There is exactly one engine per {@link EngineSettings} value in a process, made on first
 * use and kept for the life of the process. Everything made from an engine (modules,
 * instances, linked code) stays with it: the bridge never lets a module of one engine meet a
 * store of another, because wasmtime would abort the JVM with a native panic.
 *
 * <p>Deadlines use epoch interruption: the engine's epoch counts the {@link #TICK}s of
 * wall-clock time since the engine was made ({@link EpochClock}), advanced by a daemon thread
 * that wakes every tick and makes up for any ticks it was late for, and each call into a
 * guest gets a deadline counted in ticks from the wall clock. So a deadline never passes
 * early, and passes late by at most two ticks plus the time the machine takes to schedule the
 * ticker thread and then the guest's thread; under load that is the scheduler's latency
 * (milliseconds to tens of milliseconds), not a stretch in proportion to the deadline. A
 * deadline longer than {@link #LONGEST_DEADLINE} (about 174 years) is
 * counted as that one, and so is a call without a deadline
 * ({@link StoreSettings#noDeadline()}): in effect, no limit.
 *
 * <p>An {@linkplain #isolated isolated} engine is the exception to both rules: it is made for
 * one instance, which it does not share, so that the instance's running call can be
 * {@linkplain ReactorInstance#interrupt() interrupted}. Its epoch does not tick: each call
 * gets a deadline of one epoch, and the epoch advances once, when the call's wall-clock
 * deadline passes (a one-shot timer) or when the call is interrupted. Advancing the shared
 * engines' epoch would end the calls of every instance on them.
 */
public final class WasmEngine {

    /** How often the epoch advances; deadlines are this precise. */
    public static final Duration TICK = Duration.ofMillis(5);

    private static final long MAX_TICKS = 1L << 40;

    /**
     * The longest deadline the ticker counts, {@link #TICK} times 2^40 (about 174 years). A
     * longer deadline, up to {@code Duration}'s own maximum, is treated as this one, which in
     * practice means no limit.
     */
    public static final Duration LONGEST_DEADLINE = TICK.multipliedBy(MAX_TICKS - 1);
    /**
     * The most slots any table of a module compiled here may have (the guest's function table
     * included): growing past it fails ({@code table.grow} gives -1), and a module declaring a
     * larger table is refused. wasmtime fills new slots one by one in native code, past any
     * deadline, and wasmtime-java 0.19.0 offers no resource limiter to stop it.
     */
    public static final int MAX_TABLE_SLOTS = 1 << 20;

    private static final Map<EngineSettings, WasmEngine> ENGINES = new ConcurrentHashMap<>();

    /** The one-shot deadline timers of every isolated engine; made on first use. */
    private static final class Alarms {
        static final ScheduledThreadPoolExecutor TIMER = newTimer();

        private static ScheduledThreadPoolExecutor newTimer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "wasmjit-deadline-alarms");
                thread.setDaemon(true);
                return thread;
            });
            // a call that ends early cancels its alarm; without this a year-long one would stay queued
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }

    private final EngineSettings settings;
    private final Engine engine;
    private final boolean isolated;
    /** The shared engine's epoch as wall-clock ticks; null for an isolated engine, whose epoch does not tick. */
    private final EpochClock clock;
    private volatile boolean closed;
    // Compilations (on any thread: automatic tiering compiles on background threads) hold it
    // shared, close() exclusively: a compilation never runs on a disposed engine.
    private final ReentrantReadWriteLock disposal = new ReentrantReadWriteLock();

    private WasmEngine(EngineSettings settings) {
        this.settings = settings;
        this.engine = settings.newEngine();
        this.isolated = false;
        this.clock = new EpochClock(System.nanoTime(), TICK.toNanos());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "wasmjit-epoch-ticker");
            thread.setDaemon(true);
            return thread;
        });
        long period = TICK.toNanos();
        // Fixed delay: each wake-up makes up for the ticks it was late for itself, at once.
        ticker.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.NANOSECONDS);
    }

    /** The ticker's work: advance the epoch to the wall clock. */
    private void tick() {
        clock.advanceTo(System.nanoTime(), engine::incrementEpoch);
    }

    private WasmEngine(EngineSettings settings, boolean isolated) {
        this.settings = settings;
        this.engine = settings.newEngine();
        this.isolated = isolated;
        this.clock = null;
    }

    /**
     * A new engine of its own for one instance whose calls may be
     * {@linkplain ReactorInstance#interrupt() interrupted}: the REPL's. It is not shared with
     * any other instance, compiles its modules itself, and is freed by {@link #close()} after
     * its instance and modules were closed.
     *
     * @param settings the engine settings
     * @return a new isolated engine
     */
    public static WasmEngine isolated(EngineSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new WasmEngine(settings, true);
    }

    /**
     * Whether this engine was made by {@link #isolated} for one interruptible instance.
     *
     * @return true for an isolated engine
     */
    public boolean isIsolated() {
        return isolated;
    }

    /**
     * Frees an isolated engine's native engine. Close its instances and modules first.
     * Idempotent.
     *
     * @throws IllegalStateException for a shared engine, which lives as long as the process
     */
    public void close() {
        if (!isolated) {
            throw new IllegalStateException("a shared engine lives as long as the process; only an isolated engine is closed");
        }
        disposal.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                engine.dispose();
            }
        } finally {
            disposal.writeLock().unlock();
        }
    }

    /**
     * The engine with {@link EngineSettings#defaults()}.
     *
     * @return the process-wide default engine
     */
    public static WasmEngine shared() {
        return of(EngineSettings.defaults());
    }

    /**
     * The engine for these settings, made on first use.
     *
     * @param settings the engine settings
     * @return the process-wide engine for them
     */
    public static WasmEngine of(EngineSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return ENGINES.computeIfAbsent(settings, WasmEngine::new);
    }

    /**
     * The settings this engine was made with.
     *
     * @return the settings
     */
    public EngineSettings settings() {
        return settings;
    }

    /**
     * Validates and compiles a WebAssembly binary module. The text format is refused. Every
     * table the module defines may grow to at most {@link #MAX_TABLE_SLOTS} slots.
     *
     * @param bytes the module's binary
     * @return the compiled module
     * @throws ModuleException if the bytes are not a valid module; the message says why
     */
    public WasmModule compile(byte[] bytes) {
        byte[] copy = bytes.clone();
        ModuleShape shape = ModuleShape.read(copy);
        Module module;
        disposal.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("this engine has been closed");
            }
            module = Module.fromBinary(engine, TableCeiling.apply(copy));
        } catch (WasmtimeException e) {
            throw new ModuleException("invalid WebAssembly module (" + copy.length + " bytes): " + e.getMessage(), e);
        } finally {
            disposal.readLock().unlock();
        }
        return new WasmModule(this, module, copy, shape);
    }

    /**
     * Reads and compiles a module file.
     *
     * @param path the .wasm file
     * @return the compiled module
     * @throws ModuleException      if the file is not a valid module
     * @throws UncheckedIOException if the file cannot be read
     */
    public WasmModule compile(Path path) {
        try {
            return compile(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the module " + path, e);
        } catch (ModuleException e) {
            throw new ModuleException(path + ": " + e.getMessage(), e);
        }
    }

    /** The native engine, for the bridge's own use only. */
    Engine wasmtime() {
        return engine;
    }

    /**
     * A deadline in epoch ticks, rounded up, plus one tick for the one under way, plus the
     * ticks the epoch lags the wall clock by now (the ticker advances them at its next
     * wake-up, which must not shorten the deadline). No deadline (empty) and deadlines beyond
     * {@link #LONGEST_DEADLINE} count as the longest one, clamped before any arithmetic, since
     * {@link Duration#toNanos()} overflows past about 292 years.
     */
    long ticksFor(Optional<Duration> deadline) {
        if (isolated) {
            return 1; // the epoch advances only when the call's alarm rings or it is interrupted
        }
        if (deadline.isEmpty() || deadline.get().compareTo(LONGEST_DEADLINE) >= 0) {
            return MAX_TICKS;
        }
        long ticks = (deadline.get().toNanos() + TICK.toNanos() - 1) / TICK.toNanos() + 1;
        return Math.min(Math.max(ticks, 2) + clock.lag(System.nanoTime()), MAX_TICKS);
    }

    /** For an isolated engine: ends the call under way of its one instance (its deadline is one epoch away). */
    void advanceEpoch() {
        engine.incrementEpoch();
    }

    /** For an isolated engine: runs {@code alarm} once, when {@code deadline} has passed. */
    ScheduledFuture<?> alarm(Duration deadline, Runnable alarm) {
        long nanos = deadline.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : deadline.toNanos();
        return Alarms.TIMER.schedule(alarm, nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return (isolated ? "isolated WasmEngine" : "WasmEngine") + settings;
    }
}
