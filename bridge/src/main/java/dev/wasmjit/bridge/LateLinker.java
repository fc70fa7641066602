package dev.wasmjit.bridge;

import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.WasmtimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Links generated code into a running instance: dynamic late linking.
 *
 * <p>A generated module imports {@code env.memory} and {@code env.__indirect_function_table}
 * (and possibly further {@code env.NAME}), which resolve to the main instance's exports of
 * the same name or to the instance's host functions. Its start function, the patch, grows the
 * table, fills the new slots and records them in main memory; instantiating the module runs
 * it, and that is the whole link. Rounds can repeat; each module gets a namespace of its own
 * ({@code jit-1}, {@code jit-2}, ...).
 *
 * <p>Before anything reaches the runtime, the linker checks the bytes are a WebAssembly
 * binary and that every import names something the instance offers, with the same kind.
 * Global imports are refused: wasmtime-java 0.19.0 cannot pass globals between instances.
 */
public final class LateLinker {

    private static final Logger LOG = LoggerFactory.getLogger(LateLinker.class);

    private final WasmEngine engine;
    private final GuestStore store;
    private final GuestLinker linker;
    private final CallGate gate;
    private final FunctionTable table;
    private final Optional<Duration> defaultDeadline;
    private int rounds;
    private int maxModules = Integer.MAX_VALUE;

    /**
     * @param defaultDeadline the deadline of a patch unless {@link #link(byte[], Duration)}
     *                        gives one; empty for none
     */
    LateLinker(WasmEngine engine, GuestStore store, GuestLinker linker, CallGate gate, FunctionTable table,
               Optional<Duration> defaultDeadline) {
        this.engine = engine;
        this.store = store;
        this.linker = linker;
        this.gate = gate;
        this.table = table;
        this.defaultDeadline = defaultDeadline;
    }

    /**
     * Validates, compiles and instantiates generated module bytes against the instance, with
     * the instance's default deadline for the patch.
     *
     * @param generated the generated module's binary
     * @return what was linked
     * @throws LinkException if the bytes are invalid, an import cannot be satisfied, or the
     *                       start function fails; the instance keeps what it had before
     */
    public LinkReport link(byte[] generated) {
        return link(generated, defaultDeadline);
    }

    /**
     * Like {@link #link(byte[])} with a deadline for the patch.
     *
     * @param generated the generated module's binary
     * @param deadline  the patch's wall-clock deadline, positive
     * @return what was linked
     * @throws LinkException            if linking fails
     * @throws IllegalArgumentException if the deadline is zero or negative
     */
    public LinkReport link(byte[] generated, Duration deadline) {
        return link(generated, Optional.of(StoreSettings.checkedDeadline(deadline)));
    }

    private LinkReport link(byte[] generated, Optional<Duration> deadline) {
        Objects.requireNonNull(generated, "generated");
        byte[] bytes = generated.clone();
        ModuleShape shape;
        try {
            shape = ModuleShape.read(bytes);
        } catch (ModuleException e) {
            throw new LinkException("generated code is not a module: " + e.getMessage(), e);
        }
        checkImports(shape);
        return store.run(() -> {
            Module module;
            try {
                module = Module.fromBinary(engine.wasmtime(), TableCeiling.apply(bytes));
            } catch (WasmtimeException e) {
                throw new LinkException("generated module (" + bytes.length + " bytes) is invalid: "
                        + e.getMessage(), e);
            } catch (ModuleException e) {
                throw new LinkException("generated module (" + bytes.length + " bytes): " + e.getMessage(), e);
            }
            try {
                return instantiate(module, shape, bytes.length, deadline);
            } finally {
                module.dispose();
            }
        });
    }

    /**
     * Links a module compiled earlier; it must come from this instance's engine.
     *
     * @param generated the compiled generated module
     * @return what was linked
     * @throws IllegalArgumentException if the module was compiled by another engine (which
     *                                  would make wasmtime abort the JVM)
     * @throws LinkException            if linking fails
     */
    public LinkReport link(WasmModule generated) {
        Objects.requireNonNull(generated, "generated");
        if (generated.engine() != engine) {
            throw new IllegalArgumentException("the module was compiled by " + generated.engine()
                    + " but this instance runs on " + engine
                    + "; modules cannot cross engines");
        }
        checkImports(generated.shape());
        return store.run(() -> instantiate(generated.wasmtime(), generated.shape(),
                generated.bytes().length, defaultDeadline));
    }

    /**
     * Links a module compiled earlier from inside a host function of this instance: the guest
     * is in a call and has asked for it at a point where its state allows (automatic tiering's
     * poll). The call gate is not passed again (it refuses calls back into a running
     * instance); the patch runs under the running call's deadline. Counts as a round like
     * {@link #link(WasmModule)}, and the function table's size is read the same way.
     *
     * @param generated the compiled generated module, from this instance's engine
     * @return what was linked
     * @throws IllegalStateException if called other than on this instance's guest thread
     * @throws LinkException         if linking fails; the instance keeps what it had before
     */
    public LinkReport linkWithinCall(WasmModule generated) {
        Objects.requireNonNull(generated, "generated");
        if (generated.engine() != engine) {
            throw new IllegalArgumentException("the module was compiled by another engine");
        }
        if (!store.isGuestThread()) {
            throw new IllegalStateException("linkWithinCall runs only inside a host function of this instance");
        }
        checkImports(generated.shape());
        requireRoom();
        return store.run(() -> {
            int before = table.sizeWithinCall();
            String namespace = "jit-" + (rounds + 1);
            try {
                linker.instantiate(namespace, generated.wasmtime());
            } catch (WasmtimeException | io.github.kawamuray.wasmtime.WasmFunctionError e) {
                throw new LinkException("could not link " + namespace + " within the call: " + e.getMessage(), e);
            }
            rounds++;
            return new LinkReport(namespace, generated.bytes().length, generated.shape().definedFunctionCount(),
                    before, table.sizeWithinCall());
        });
    }

    /**
     * How many modules this linker has linked.
     *
     * @return the number of successful links
     */
    public int rounds() {
        return rounds;
    }

    /**
     * Bounds the modules this linker links in the instance's life: a wasmtime store cannot
     * free one instance, so each keeps its code and native memory until the instance closes
     * (about 21 KB for a small one). Past the ceiling every link is a {@link LinkException}.
     *
     * @param modules the ceiling, positive (no ceiling until set)
     * @throws IllegalArgumentException if it is zero or negative
     */
    public void limitModules(int modules) {
        if (modules <= 0) {
            throw new IllegalArgumentException("the ceiling of JIT modules must be positive, was " + modules);
        }
        maxModules = modules;
    }

    /**
     * Whether the linker has linked its ceiling of modules ({@link #limitModules}).
     *
     * @return true once no more will be linked
     */
    public boolean isFull() {
        return rounds >= maxModules;
    }

    private void requireRoom() {
        if (isFull()) {
            throw new LinkException("this instance has linked its ceiling of " + maxModules
                    + " JIT modules: the module's functions stay interpreted");
        }
    }

    private LinkReport instantiate(Module module, ModuleShape shape, int byteCount, Optional<Duration> deadline) {
        requireRoom();
        int before = table.size();
        String namespace = "jit-" + (rounds + 1);
        try {
            gate.instantiate("the start function of " + namespace, deadline, () -> linker.instantiate(namespace, module),
                    e -> new LinkException("could not instantiate the generated module: " + e.getMessage(), e));
        } catch (LinkException e) {
            throw e;
        } catch (GuestException e) {
            throw new LinkException("the start function (patch) of " + namespace + " failed: " + e.getMessage(), e);
        }
        rounds++;
        LinkReport report = new LinkReport(namespace, byteCount, shape.definedFunctionCount(), before, table.size());
        LOG.debug("JIT round {}", report);
        return report;
    }

    private void checkImports(ModuleShape shape) {
        List<String> problems = new ArrayList<>();
        for (ModuleShape.Import anImport : shape.imports()) {
            if (!anImport.module().equals(GuestLinker.ENV)) {
                problems.add(anImport + ": generated code may import only from \"env\"");
            } else if (anImport.kind() == ModuleShape.Kind.GLOBAL) {
                problems.add(anImport + ": globals cannot be linked (wasmtime-java 0.19.0 cannot pass them)");
            } else if (!store.run(() -> linker.offers(anImport.name(), anImport.kind()))) {
                problems.add(anImport + ": the instance has no " + anImport.kind().name().toLowerCase()
                        + " of that name");
            }
        }
        if (!problems.isEmpty()) {
            throw new LinkException("generated module imports what the instance cannot give: "
                    + String.join("; ", problems));
        }
    }
}
