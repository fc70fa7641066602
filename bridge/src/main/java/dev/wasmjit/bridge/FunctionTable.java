package dev.wasmjit.bridge;

import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.Module;

import java.time.Duration;
import java.util.Optional;

/**
 * The main instance's exported function table, {@code __indirect_function_table}, the table
 * late-linked code grows. wasmtime-java 0.19.0's {@code Table} has no methods, so its size is
 * read by a {@link TableProbe}: a one-function module linked in on first use.
 */
final class FunctionTable {

    /** The export's name, as wasm-ld writes it. */
    static final String EXPORT = "__indirect_function_table";

    private final WasmEngine engine;
    private final Exports exports;
    private final GuestStore store;
    private final GuestLinker linker;
    private final CallGate gate;
    private final Optional<Duration> deadline;
    private Func probe;

    FunctionTable(WasmEngine engine, Exports exports, GuestStore store, GuestLinker linker, CallGate gate,
                  Optional<Duration> deadline) {
        this.engine = engine;
        this.exports = exports;
        this.store = store;
        this.linker = linker;
        this.gate = gate;
        this.deadline = deadline;
    }

    /**
     * The table's current number of slots.
     *
     * @throws IllegalStateException if the module exports no such table
     */
    int size() {
        if (!exports.exports(EXPORT, ModuleShape.Kind.TABLE)) {
            throw new IllegalStateException("the module exports no table named \"" + EXPORT + "\"");
        }
        return store.run(() -> gate.call("table size probe", probe(), deadline)[0].i32());
    }

    /** The size, read from inside a host function: the probe is called without the call gate. */
    int sizeWithinCall() {
        return store.run(() -> probe().call(store.wasmtime())[0].i32());
    }

    private Func probe() {
        if (probe == null) {
            Module module = Module.fromBinary(engine.wasmtime(), TableProbe.bytes(GuestLinker.ENV, EXPORT));
            try {
                linker.instantiate(TableProbe.NAMESPACE, module);
            } finally {
                module.dispose();
            }
            probe = linker.function(TableProbe.NAMESPACE, TableProbe.EXPORT);
            store.resources().tableProbe = probe;
        }
        return probe;
    }
}
