package dev.wasmjit.staticlink;

import dev.wasmjit.bridge.FuncSignature;
import dev.wasmjit.bridge.HostFunction;
import dev.wasmjit.bridge.ModuleShape;
import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.WasmEngine;
import dev.wasmjit.bridge.WasmModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test module run on wasmtime through the bridge, driven call by call as a test scripts it.
 * It is instantiated as a reactor, so its {@code _initialize} has run once before the first
 * call, as under every host of the guest ABI; its {@code env.log} import is recorded. It
 * remembers what every call returned. {@link #run()} ends the script: it reads what a snapshot
 * reads (memory, and the instrumentation's {@code __wasmjit_} getters) and closes the instance,
 * which from then on serves as the {@link LiveInstance} of that moment.
 *
 * <p>Not injected by dev.wasmjit:junit: the modules it runs are made during the test (instrumented
 * by the static linker, or linked from such a snapshot), which no {@code @GuestModule} can name.
 */
final class TestInstance implements LiveInstance {
    private static final String PROBE_PREFIX = "__wasmjit_";

    private final WasmModule module;
    private final ReactorInstance instance;
    private final Map<String, List<String>> results = new HashMap<>();
    private final Map<String, Long> probes = new HashMap<>();
    private final List<String> log = new ArrayList<>();
    private byte[] memory;

    private TestInstance(byte[] module) {
        HostFunction logImport = new HostFunction("log", FuncSignature.i32(1, 0), (mem, args) -> {
            log.add(args.get(0).toString());
            return List.of();
        });
        this.module = WasmEngine.shared().compile(module);
        try {
            instance = ReactorInstance.builder(this.module).hostFunction(logImport).instantiate();
        } catch (RuntimeException e) {
            this.module.close();
            throw e;
        }
    }

    /** A running instance of {@code module}, initialised. */
    static TestInstance of(byte[] module) {
        return new TestInstance(module);
    }

    /** Calls export {@code name} with i32 arguments. */
    TestInstance invoke(String name, int... args) {
        Number[] boxed = new Number[args.length];
        for (int i = 0; i < args.length; i++) {
            boxed[i] = args[i];
        }
        List<Number> returned = instance.requireFunction(name).call(boxed);
        results.computeIfAbsent(name, k -> new ArrayList<>())
                .add(returned.isEmpty() ? "void" : returned.get(0).toString());
        return this;
    }

    /** Links a generated module into the instance with the bridge's late linker. */
    TestInstance link(byte[] generated) {
        instance.lateLinker().link(generated);
        return this;
    }

    /** Ends the script: takes the memory and probe values, closes the instance; returns this for reading. */
    TestInstance run() {
        try (module; instance) {
            LiveInstance live = new ReactorLiveInstance(instance);
            memory = live.memory();
            for (ModuleShape.Export export : instance.shape().exports()) {
                if (export.name().startsWith(PROBE_PREFIX) && export.kind() == ModuleShape.Kind.FUNCTION) {
                    probes.put(export.name(), live.call(export.name()));
                }
            }
        }
        return this;
    }

    /** What the {@code n}-th call of export {@code name} returned ("void" for no result). */
    String result(String name, int n) {
        List<String> all = results.get(name);
        if (all == null || all.size() <= n) {
            throw new AssertionError("the script made no call " + n + " of " + name + "; results: " + results);
        }
        return all.get(n);
    }

    /** What the last call of export {@code name} returned. */
    String result(String name) {
        List<String> all = results.getOrDefault(name, List.of());
        return result(name, all.size() - 1);
    }

    /** The values the instance passed to its env.log import, in order. */
    List<String> log() {
        return log;
    }

    @Override
    public byte[] memory() {
        if (memory == null) {
            throw new AssertionError("the script has not run: call run() before reading the snapshot");
        }
        return memory;
    }

    @Override
    public long call(String name) {
        Long value = probes.get(name);
        if (value == null) {
            throw new AssertionError("the instance has no probe export " + name + "; it has " + probes.keySet());
        }
        return value;
    }
}
