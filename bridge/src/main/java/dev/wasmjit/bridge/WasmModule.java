package dev.wasmjit.bridge;

import io.github.kawamuray.wasmtime.Module;

/**
 * A compiled WebAssembly module, ready to instantiate on the engine that compiled it.
 * Closing it frees the compiled code's handle; instances made from it keep working.
 */
public final class WasmModule implements AutoCloseable {

    private final WasmEngine engine;
    private final Module module;
    private final byte[] bytes;
    private final ModuleShape shape;
    private boolean closed;

    WasmModule(WasmEngine engine, Module module, byte[] bytes, ModuleShape shape) {
        this.engine = engine;
        this.module = module;
        this.bytes = bytes;
        this.shape = shape;
    }

    /**
     * The engine that compiled this module; it can only be used with that engine.
     *
     * @return the engine
     */
    public WasmEngine engine() {
        return engine;
    }

    /**
     * The module's binary.
     *
     * @return a copy of the bytes
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The module's imports and exports.
     *
     * @return its shape
     */
    public ModuleShape shape() {
        return shape;
    }

    /** The native module, checked open, for the bridge's own use. */
    synchronized Module wasmtime() {
        if (closed) {
            throw new IllegalStateException("this WasmModule has been closed");
        }
        return module;
    }

    /** Frees the compiled module's handle. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            module.dispose();
        }
    }
}
