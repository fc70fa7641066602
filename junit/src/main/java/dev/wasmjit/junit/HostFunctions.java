package dev.wasmjit.junit;

import dev.wasmjit.bridge.HostFunction;
import dev.wasmjit.scheme.HostProcedure;

import java.util.List;
import java.util.Map;

/**
 * What the host gives an injected guest: wasm-level host functions for a
 * {@link dev.wasmjit.bridge.ReactorInstance}, named in {@link Reactor#hostFunctions()}, and
 * Scheme-level host procedures for a {@link dev.wasmjit.scheme.SchemeInterpreter}, named in
 * {@link HostProcedures}. A provider implements either or both. The extension makes one
 * provider per instance through its constructor without parameters, so a provider may keep
 * state for that instance alone.
 */
public interface HostFunctions {

    /**
     * The host functions, each providing the import {@code env.NAME}.
     *
     * @return the functions; none by default
     */
    default List<HostFunction> hostFunctions() {
        return List.of();
    }

    /**
     * The host procedures, each defined as the Scheme global of its key.
     *
     * @return the procedures by name; none by default
     */
    default Map<String, HostProcedure> hostProcedures() {
        return Map.of();
    }
}
