package dev.wasmjit.junit;

import dev.wasmjit.bridge.HostFunction;

import java.util.List;

/**
 * Host functions for an injected {@link dev.wasmjit.bridge.ReactorInstance}, named in
 * {@link Reactor#hostFunctions()}. The extension makes one provider per instance through its
 * constructor without parameters, so a provider may keep state for that instance alone.
 */
public interface HostFunctions {

    /**
     * The host functions, each providing the import {@code env.NAME}.
     *
     * @return the functions
     */
    List<HostFunction> hostFunctions();
}
