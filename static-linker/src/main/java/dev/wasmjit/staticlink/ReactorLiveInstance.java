package dev.wasmjit.staticlink;

import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.GuestMemory;

/**
 * A {@link LiveInstance} over the bridge's wasmtime instance of an {@link InstrumentedModule}:
 * what to pass to {@link StaticLinker#link} when the instrumented module runs under the bridge.
 * It reads the instance only when the linker asks, so the instance must still be open then.
 */
public final class ReactorLiveInstance implements LiveInstance {
    private final ReactorInstance instance;

    /**
     * Wraps an instance without touching it yet.
     *
     * @param instance a running instance of {@link InstrumentedModule#bytes()}; an instance of
     *                 any other module fails later, when the linker calls a getter it lacks
     *                 ({@link IllegalArgumentException} from the bridge)
     */
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
