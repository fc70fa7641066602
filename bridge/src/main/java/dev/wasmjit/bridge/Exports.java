package dev.wasmjit.bridge;

import io.github.kawamuray.wasmtime.Extern;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.Global;
import io.github.kawamuray.wasmtime.Memory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The main instance's exports as handles, each made once per name and freed with the store.
 * The module's shape says what exists and with which type, since wasmtime-java 0.19.0 reports
 * neither; the linker gives the native export.
 */
final class Exports {

    private final ModuleShape shape;
    private final GuestStore store;
    private final GuestLinker linker;
    private final CallGate gate;
    private final Optional<Duration> deadline;
    private final Map<String, GuestFunction> functions = new HashMap<>();
    private final Map<String, GuestGlobal> globals = new HashMap<>();

    /**
     * @param deadline the deadline of each call through a function handle, unless the handle
     *                 is given another; empty for none
     */
    Exports(ModuleShape shape, GuestStore store, GuestLinker linker, CallGate gate, Optional<Duration> deadline) {
        this.shape = shape;
        this.store = store;
        this.linker = linker;
        this.gate = gate;
        this.deadline = deadline;
    }

    /** A handle to the exported function {@code name}, if there is one. */
    Optional<GuestFunction> function(String name) {
        Optional<ModuleShape.Export> export = shape.export(name).filter(e -> e.kind() == ModuleShape.Kind.FUNCTION);
        if (export.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(store.run(() -> functions.computeIfAbsent(name, n -> {
            Func func = extern(n, ModuleShape.Kind.FUNCTION).orElseThrow().func();
            store.resources().exportFuncs.add(func);
            return new GuestFunction(gate, n, export.get().signature().orElseThrow(), func, deadline);
        })));
    }

    /** A handle to the exported function {@code name} of this signature, if there is one. */
    Optional<GuestFunction> function(String name, FuncSignature signature) {
        return function(name).filter(f -> f.signature().equals(signature));
    }

    /** A handle to the exported global {@code name}, if there is one. */
    Optional<GuestGlobal> global(String name) {
        if (!exports(name, ModuleShape.Kind.GLOBAL)) {
            return Optional.empty();
        }
        return Optional.of(store.run(() -> globals.computeIfAbsent(name, n -> {
            Global global = extern(n, ModuleShape.Kind.GLOBAL).orElseThrow().global();
            store.resources().globals.add(global);
            return new GuestGlobal(store, n, global);
        })));
    }

    /** The exported memory {@code name}, if there is one; freed with the store. */
    Optional<Memory> memory(String name) {
        return store.run(() -> {
            Optional<Memory> memory = extern(name, ModuleShape.Kind.MEMORY).map(Extern::memory);
            memory.ifPresent(m -> store.resources().memory = m);
            return memory;
        });
    }

    /** Whether the module exports {@code name} with this kind. */
    boolean exports(String name, ModuleShape.Kind kind) {
        return shape.export(name).filter(e -> e.kind() == kind).isPresent();
    }

    private Optional<Extern> extern(String name, ModuleShape.Kind kind) {
        return exports(name, kind) ? linker.env(name) : Optional.empty();
    }
}
