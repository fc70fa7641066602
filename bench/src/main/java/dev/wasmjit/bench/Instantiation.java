package dev.wasmjit.bench;

import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.WasmEngine;
import dev.wasmjit.bridge.WasmModule;

import java.io.OutputStream;

/**
 * Instantiating a compiled guest module the way {@link dev.wasmjit.scheme.SchemeInterpreter}
 * does (the same imports, allocator and {@code _initialize}), without compiling it again:
 * what a fresh instance costs once its module is compiled. For the bundled guest that is
 * mostly {@code _initialize} running the C++ constructors; for a statically linked module,
 * whose {@code _initialize} does nothing, it is mostly copying its memory snapshot in.
 */
public final class Instantiation {

    private Instantiation() {
    }

    /**
     * Compiles a guest in the engine interpreters use by default.
     *
     * @param guest the guest
     * @return the compiled module; the caller closes it
     */
    public static WasmModule compile(Guest guest) {
        return WasmEngine.shared().compile(guest.wasm());
    }

    /**
     * A new instance, initialised, with its output discarded.
     *
     * @param module a module from {@link #compile(Guest)}
     * @return the instance; the caller closes it
     */
    public static ReactorInstance instantiate(WasmModule module) {
        return ReactorInstance.builder(module)
                .stdout(OutputStream.nullOutputStream())
                .stderr(OutputStream.nullOutputStream())
                .errorImport("throw_error")
                .allocator("allocateBytes", "freeBytes")
                .instantiate();
    }
}
