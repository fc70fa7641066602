package dev.wasmjit.staticlink;

import dev.wasmjit.staticlink.InstrumentedModule.GlobalProbe;
import dev.wasmjit.wasm.ModuleReader;
import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase two of static linking: read a live instance of an {@link InstrumentedModule} into a
 * {@link Snapshot}. Call it between calls into the instance (never during one), after the
 * generated modules have been linked.
 */
final class SnapshotTaker {
    private static final int PAGE_SIZE = 65536;

    private SnapshotTaker() {
    }

    /**
     * Reads memory, every probed global and the table size from {@code instance}, and replays
     * the generated modules' instantiation to know their table slots. {@code generatedModules}
     * are the modules linked into the instance, in link order; nothing else may have grown its
     * table since the first of them was linked.
     */
    static Snapshot take(LiveInstance instance, InstrumentedModule instrumented, List<byte[]> generatedModules) {
        byte[] memory = instance.memory();
        if (memory.length % PAGE_SIZE != 0) {
            throw new IllegalArgumentException("memory of " + memory.length + " bytes is not a whole number of pages");
        }
        Map<Integer, Long> globals = new HashMap<>();
        for (GlobalProbe probe : instrumented.probes()) {
            long value = instance.call(probe.exportName());
            globals.put(probe.globalIndex(), probe.type() == ValueType.I32 || probe.type() == ValueType.F32
                    ? (long) (int) value : value);
        }
        int tableSize = instrumented.probesTable() ? (int) instance.call(InstrumentedModule.TABLE_SIZE_EXPORT) : 0;
        List<ModuleSections> generated = new ArrayList<>();
        for (byte[] bytes : generatedModules) {
            generated.add(ModuleReader.read(bytes));
        }
        List<TableSlots> patches = PatchReplay.replayEndingAt(generated, tableSize);
        return new Snapshot(memory, Map.copyOf(globals), tableSize, List.copyOf(patches));
    }
}
