package dev.wasmjit.scheme;

import dev.wasmjit.bridge.StoreSettings;
import dev.wasmjit.bridge.TrapKind;

/**
 * The guest's limits that {@link SchemeInterpreter.Builder} sets: how large its heap starts and
 * may grow, how deep calls may nest, how many JIT modules it links. The defaults a caller may
 * rely on: a heap of {@link SchemeInterpreter#DEFAULT_HEAP_BYTES} that may grow to
 * {@link SchemeInterpreter#DEFAULT_MAX_HEAP_BYTES}, {@link #DEFAULT_MAX_NESTED_CALLS} nested
 * calls, and at most {@link #DEFAULT_MAX_JIT_MODULES} JIT modules linked.
 */
public abstract class InterpreterLimits extends StoreSettings<SchemeInterpreter.Builder> {

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

    int heapBytes = SchemeInterpreter.DEFAULT_HEAP_BYTES;
    long maxHeapBytes = SchemeInterpreter.DEFAULT_MAX_HEAP_BYTES;
    int maxNestedCalls = DEFAULT_MAX_NESTED_CALLS;
    int maxJitModules = DEFAULT_MAX_JIT_MODULES;

    InterpreterLimits() {
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

    /** {@link SchemeInterpreter#DEFAULT_MAX_HEAP_BYTES}: a quarter of physical memory, within bounds. */
    static long machineHeapLimit() {
        long physical = 0;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        return Math.min(Math.max(physical / 4, 256L << 20), LARGEST_HEAP_LIMIT);
    }
}
