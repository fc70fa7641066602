package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Guest;
import dev.wasmjit.bench.Instantiation;
import dev.wasmjit.bench.Program;
import dev.wasmjit.bench.StaticSnapshot;
import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.WasmModule;

import java.util.ArrayList;
import java.util.List;

/**
 * What a fresh instance costs once its module is compiled: the guest (its {@code _initialize}
 * runs the C++ constructors) against a statically linked out.wasm (a no-op
 * {@code _initialize}, but a memory snapshot to copy in). Medians; instances are closed
 * outside the measured time, and the two modules take turns.
 *
 * @param module        the module, as the table names it
 * @param moduleBytes   its size
 * @param instantiateMs one instantiation, {@code _initialize} included
 */
record InstantiationCost(String module, int moduleBytes, double instantiateMs) {

    static List<InstantiationCost> measure(Guest guest, Program program, ReportOptions options) {
        StaticSnapshot snapshot = StaticSnapshot.take(guest, program);
        Guest linked = snapshot.guest();
        try (WasmModule main = Instantiation.compile(guest); WasmModule out = Instantiation.compile(linked)) {
            List<Double> mainMs = new ArrayList<>();
            List<Double> outMs = new ArrayList<>();
            for (int i = 0; i < options.warmupRounds() + options.instantiationSamples(); i++) {
                double m = instantiateMs(main);
                double o = instantiateMs(out);
                if (i >= options.warmupRounds()) {
                    mainMs.add(m);
                    outMs.add(o);
                }
            }
            return List.of(
                    new InstantiationCost(guest.name(), guest.wasm().length, Timing.median(mainMs).orElseThrow()),
                    new InstantiationCost("out.wasm of " + program.name(), snapshot.moduleBytes(),
                            Timing.median(outMs).orElseThrow()));
        }
    }

    private static double instantiateMs(WasmModule module) {
        long start = System.nanoTime();
        ReactorInstance instance = Instantiation.instantiate(module);
        long nanos = System.nanoTime() - start;
        instance.close();
        return nanos / 1e6;
    }
}
