package dev.wasmjit.bridge;

import dev.wasmjit.nativeconfig.GuestWasi;

import java.time.Duration;
import java.util.Optional;

/**
 * The parts of one running {@link ReactorInstance}, made and wired in wasmtime's order: a
 * store ({@link GuestStore}) with its call gate, a linker ({@link GuestLinker}) with the
 * module's imports defined, the module instantiated under {@link GuestLinker#ENV} (which
 * runs {@code _initialize}), then the handles onto its exports. Each part is given what it
 * uses; none refers back to the instance.
 */
final class InstanceParts {

    /** The name of the memory export that {@link GuestMemory} reads and writes. */
    static final String MEMORY_EXPORT = "memory";

    final Optional<Duration> defaultDeadline;
    final CallOutput output = new CallOutput();
    final EpochDeadline epochDeadline;
    final GuestStore store;
    final Exports exports;
    final GuestMemory memory;
    final FunctionTable table;
    final LateLinker lateLinker;

    /**
     * Instantiates the settings' module.
     *
     * @throws ModuleException if the module cannot be instantiated here
     * @throws GuestException  if {@code _initialize} fails
     */
    InstanceParts(ReactorSettings settings) {
        WasmModule module = settings.module;
        WasmEngine engine = module.engine();
        this.defaultDeadline = settings.deadline;
        // Nothing the store's host functions reach may refer to the instance or its store:
        // wasmtime-java keeps every host function's handler in a static registry until the
        // store is freed, which would keep an instance dropped without close() reachable.
        GuestWasi wasi = new GuestWasi(settings.stdout, settings.stderr,
                output.recordingThen(settings.lineListener), settings.stdin);
        CallFailure failure = new CallFailure();
        this.epochDeadline = new EpochDeadline(engine);
        this.store = new GuestStore(engine, epochDeadline, settings.owned);
        try {
            CallGate gate = new CallGate(store, epochDeadline, failure, output, wasi);
            GuestLinker linker = new GuestLinker(store, engine, failure);
            this.exports = new Exports(module.shape(), store, linker, gate, defaultDeadline);
            this.memory = new GuestMemory(store, wasi.memoryWindows(), exports, settings.allocate, settings.free);
            this.table = new FunctionTable(engine, exports, store, linker, gate, defaultDeadline);
            this.lateLinker = new LateLinker(engine, store, linker, gate, table, defaultDeadline);
            store.run(() -> {
                GuestLinker.requireReactor(module.shape());
                linker.defineImports(module.shape(), wasi, settings.errorImport, settings.hostFunctions, memory);
                linker.instantiateReactor(module, gate, defaultDeadline);
                memory.attach(exports.memory(MEMORY_EXPORT));
                keepStackPointer(gate);
                return null;
            });
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
    }

    /** Uses the wasmjit extensions {@code stackPointer} and {@code setStackPointer}, when exported. */
    private void keepStackPointer(CallGate gate) {
        Optional<GuestFunction> get = exports.function("stackPointer", FuncSignature.i32(0, 1));
        Optional<GuestFunction> set = exports.function("setStackPointer", FuncSignature.i32(1, 0));
        if (get.isPresent() && set.isPresent()) {
            gate.restoreStackPointerAfterFailures(set.get().nativeFunc(), get.get().callI32(), defaultDeadline);
        }
    }
}
