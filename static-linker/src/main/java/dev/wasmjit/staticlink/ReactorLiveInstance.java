package dev.wasmjit.staticlink;

import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.GuestMemory;

/** A {@link LiveInstance} over the bridge's wasmtime instance of an {@link InstrumentedModule}. */
public final class ReactorLiveInstance implements LiveInstance {
    private final ReactorInstance instance;

    /** Reads {@code instance}, which must run an instrumented module. */
    public ReactorLiveInstance(ReactorInstance instance) {
        this.instance = instance;
    }

    @Override
    public byte[] memory() {
        GuestMemory memory = instance.memory();
        return memory.read(0, Math.toIntExact(memory.size()));
    }

    @Override
    public long call(String name) {
        return instance.requireFunction(name).call().get(0).longValue();
    }
}
