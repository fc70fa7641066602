package dev.wasmjit.staticlink;

import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.wasm.WasmFormatException;
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

    /**
     * {@inheritDoc}
     *
     * @throws WasmFormatException if the memory is larger than one Java array, or than half the
     *                             JVM's maximum heap: a snapshot holds all of it at once
     */
    @Override
    public byte[] memory() {
        GuestMemory memory = instance.memory();
        long size = memory.size();
        long limit = Math.min(Integer.MAX_VALUE - 8L, Runtime.getRuntime().maxMemory() / 2);
        if (size > limit) {
            throw new WasmFormatException("the instance's memory of " + size + " bytes is too large to snapshot: "
                    + "the static linker holds it in one array, of at most " + limit + " bytes in this JVM");
        }
        return memory.read(0, (int) size);
    }

    @Override
    public long call(String name) {
        return instance.requireFunction(name).call().get(0).longValue();
    }
}
