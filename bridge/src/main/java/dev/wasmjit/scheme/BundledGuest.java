package dev.wasmjit.scheme;

import dev.wasmjit.bridge.WasmEngine;
import dev.wasmjit.bridge.WasmModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The guest bundled on the class path: its bytes, and its module compiled once per engine. */
final class BundledGuest {

    /** Compiled modules are shareable, so interpreters on one engine share one. */
    private static final Map<WasmEngine, WasmModule> COMPILED = new ConcurrentHashMap<>();

    private BundledGuest() {
    }

    /** The bundled guest compiled for this engine, compiled on the first request. */
    static WasmModule compiledFor(WasmEngine engine) {
        return COMPILED.computeIfAbsent(engine, e -> e.compile(SchemeInterpreter.bundledBytes()));
    }

    /** Reads the bundled guest's bytes from the class path. */
    static byte[] read(String resource) {
        try (InputStream in = SchemeInterpreter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled guest " + resource
                        + " is missing from the class path; build the bridge module with guest/interplib.wasm present");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
