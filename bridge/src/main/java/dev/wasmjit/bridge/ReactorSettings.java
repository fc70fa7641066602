package dev.wasmjit.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ReactorInstance.Builder} configures beyond the store: how the module's imports
 * are provided (WASI always; {@code env} host functions and the error import when named),
 * which exports allocate guest memory, and what the instance owns. By default a module may
 * import WASI alone, and {@link GuestMemory#allocate} is unavailable.
 */
public abstract class ReactorSettings extends StoreSettings<ReactorInstance.Builder> {

    final WasmModule module;
    final Map<String, HostFunction> hostFunctions = new LinkedHashMap<>();
    final List<AutoCloseable> owned = new ArrayList<>();
    String errorImport;
    String allocate;
    String free;

    ReactorSettings(WasmModule module) {
        this.module = Objects.requireNonNull(module, "module");
    }

    /**
     * Provides the import {@code env.NAME} as a Java function.
     *
     * @param function the host function
     * @return this builder
     */
    public final ReactorInstance.Builder hostFunction(HostFunction function) {
        hostFunctions.put(function.name(), function);
        return self();
    }

    /**
     * Names the import {@code env.NAME} (of type {@code () -> ()}) through which the guest
     * raises an error after writing {@code error: MESSAGE} to stderr. A call that reaches
     * it ends with a {@link GuestError} carrying that message.
     *
     * @param name the import's name, such as {@code throw_error}
     * @return this builder
     */
    public final ReactorInstance.Builder errorImport(String name) {
        this.errorImport = Objects.requireNonNull(name, "name");
        return self();
    }

    /**
     * Names the module's allocator exports, {@code (i32 len) -> i32} and
     * {@code (i32 ptr) -> ()}, so that {@link GuestMemory#allocate} works.
     *
     * @param allocate the allocating export, such as {@code allocateBytes}
     * @param free     the freeing export, such as {@code freeBytes}
     * @return this builder
     */
    public final ReactorInstance.Builder allocator(String allocate, String free) {
        this.allocate = Objects.requireNonNull(allocate, "allocate");
        this.free = Objects.requireNonNull(free, "free");
        return self();
    }

    /**
     * Hands the instance a resource made for it alone, such as its {@link WasmModule} or an
     * {@linkplain WasmEngine#isolated isolated} engine (as {@code engine::close}). It is
     * closed right after the instance's store is freed, by {@link ReactorInstance#close()}
     * or by the cleaner, and also when instantiation fails.
     *
     * @param resource what to close after the instance
     * @return this builder
     */
    public final ReactorInstance.Builder owning(AutoCloseable resource) {
        owned.add(Objects.requireNonNull(resource, "resource"));
        return self();
    }
}
