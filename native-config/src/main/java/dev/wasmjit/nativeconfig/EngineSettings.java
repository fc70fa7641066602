package dev.wasmjit.nativeconfig;

import io.github.kawamuray.wasmtime.Config;
import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.OptLevel;

import java.util.Objects;

/**
 * How wasmtime's engine is configured: Cranelift's optimisation level and the deepest wasm
 * stack a call may use. Epoch interruption is always on, because wall-clock deadlines are how
 * the host stops a runaway guest.
 *
 * <p>Guest code runs on a thread whose Java stack is {@link #guestThreadStackBytes()}, well
 * above the wasm stack limit: wasmtime detects a wasm stack overflow only while the limit lies
 * inside the thread's real stack, and otherwise the overflow would hit the JVM's guard page and
 * abort the process.
 *
 * @param optimization          Cranelift's optimisation level for compiled modules
 * @param maxWasmStackBytes     the wasm stack a call may use before it traps with a stack
 *                              overflow; between 64 KiB and 2 MiB (wasmtime-java 0.19 refuses
 *                              more: its engines have no setter for the async stack size,
 *                              which bounds it)
 */
public record EngineSettings(Optimization optimization, long maxWasmStackBytes) {

    /** Cranelift's optimisation levels. */
    public enum Optimization {
        /** No optimisation: fastest compilation. */
        NONE,
        /** Optimise for speed (the default). */
        SPEED,
        /** Optimise for speed and code size. */
        SPEED_AND_SIZE
    }

    private static final long MIN_STACK = 64L << 10;
    private static final long MAX_STACK = 2L << 20;
    private static final long STACK_HEADROOM = 8L << 20;

    /**
     * Checks the settings.
     *
     * @param optimization      Cranelift's optimisation level
     * @param maxWasmStackBytes the wasm stack limit in bytes
     * @throws IllegalArgumentException if the stack limit is out of range
     * @throws NullPointerException     if optimization is null
     */
    public EngineSettings {
        Objects.requireNonNull(optimization, "optimization");
        if (maxWasmStackBytes < MIN_STACK || maxWasmStackBytes > MAX_STACK) {
            throw new IllegalArgumentException("maxWasmStackBytes must lie between " + MIN_STACK
                    + " and " + MAX_STACK + ", was " + maxWasmStackBytes);
        }
    }

    /**
     * The defaults: optimise for speed, 2 MiB of wasm stack.
     *
     * @return the default settings
     */
    public static EngineSettings defaults() {
        return new EngineSettings(Optimization.SPEED, 2L << 20);
    }

    /**
     * These settings with another optimisation level.
     *
     * @param level the optimisation level
     * @return new settings
     */
    public EngineSettings withOptimization(Optimization level) {
        return new EngineSettings(level, maxWasmStackBytes);
    }

    /**
     * These settings with another wasm stack limit.
     *
     * @param bytes the wasm stack limit in bytes
     * @return new settings
     */
    public EngineSettings withMaxWasmStackBytes(long bytes) {
        return new EngineSettings(optimization, bytes);
    }

    /**
     * The Java stack size of a thread that runs guest code: the wasm stack limit plus room
     * for the host functions the guest calls.
     *
     * @return bytes of stack for a guest thread
     */
    public long guestThreadStackBytes() {
        return maxWasmStackBytes + STACK_HEADROOM;
    }

    /**
     * Loads the native library if needed and creates a new engine with these settings. The
     * caller owns the engine; wasmjit's bridge keeps one per settings value for the process.
     *
     * @return a new engine with epoch interruption enabled
     */
    public Engine newEngine() {
        NativeLibrary.load();
        Config config = new Config()
                .epochInterruption(true)
                .maxWasmStack(maxWasmStackBytes)
                .craneliftOptLevel(switch (optimization) {
                    case NONE -> OptLevel.NONE;
                    case SPEED -> OptLevel.SPEED;
                    case SPEED_AND_SIZE -> OptLevel.SPEED_AND_SIZE;
                })
                // Every wasm32 memory static: reserved whole when made and never moved, so the
                // base address MemoryWindows notes while a memory is small stays valid above 2 GiB.
                .staticMemoryMaximumSize(MemoryWindows.WASM32_MAX_BYTES);
        // new Engine(Config) takes the config over natively; it must not be disposed again.
        return new Engine(config);
    }
}
