package dev.wasmjit.staticlink;

import dev.wasmjit.wasm.ConstExpr;
import dev.wasmjit.wasm.Instruction;
import dev.wasmjit.wasm.InstructionReader;
import dev.wasmjit.wasm.ModuleReader;
import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.ModuleSections.Code;
import dev.wasmjit.wasm.ModuleSections.Data;
import dev.wasmjit.wasm.ModuleSections.Element;
import dev.wasmjit.wasm.ModuleSections.ExportEntry;
import dev.wasmjit.wasm.ModuleSections.ExternKind;
import dev.wasmjit.wasm.ModuleSections.FuncType;
import dev.wasmjit.wasm.ModuleSections.Global;
import dev.wasmjit.wasm.ModuleSections.Limits;
import dev.wasmjit.wasm.ModuleSections.MemoryType;
import dev.wasmjit.wasm.ModuleSections.SegmentMode;
import dev.wasmjit.wasm.ModuleSections.TableType;
import dev.wasmjit.wasm.ModuleWriter;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.ValueType;
import dev.wasmjit.wasm.WasmFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Phase three of static linking: the main module, a {@link Snapshot} of its live instance and
 * the generated modules linked into that instance become one standalone module that starts
 * where the instance was. Its memory is the snapshot (as data segments, zero runs left out,
 * minimum size the current size), its mutable globals start at their snapshot values, the
 * generated functions are part of it with an active element segment putting each at the slot
 * its patch gave it, it has no start function, and {@code _initialize} does nothing, so the
 * constructors cannot run again over the snapshot. Every other export is kept.
 */
final class Rewriter {
    private static final int PAGE_SIZE = 65536;
    private static final String INITIALIZE = "_initialize";

    private final ModuleSections out;
    private final Snapshot snapshot;
    /** Final slot to merged function index, over all patches (a later patch wins). */
    private final Map<Integer, Integer> slotFunctions = new TreeMap<>();
    private int slotTable = -1;
    /** The highest data segment index the main module's code names, or -1. */
    private int lastDataIndexUsed = -1;

    private Rewriter(ModuleSections main, Snapshot snapshot) {
        this.out = main;
        this.snapshot = snapshot;
    }

    /**
     * The linked module. {@code generatedModules} are those whose slots the snapshot's
     * {@link Snapshot#patches()} describe, in the same order. Throws
     * {@link WasmFormatException} when the modules use something that cannot be snapshotted or
     * merged, saying what and where.
     */
    static byte[] rewrite(byte[] mainModule, Snapshot snapshot, List<byte[]> generatedModules) {
        if (generatedModules.size() != snapshot.patches().size()) {
            throw new IllegalArgumentException(generatedModules.size() + " generated modules but the snapshot describes "
                    + snapshot.patches().size() + " patches");
        }
        Rewriter rewriter = new Rewriter(ModuleReader.read(mainModule), snapshot);
        rewriter.scanMainCode();
        rewriter.dropStartAndConstructors();
        rewriter.restoreGlobals();
        rewriter.dropInitialData();
        for (int i = 0; i < generatedModules.size(); i++) {
            ModuleSections generated = ModuleReader.read(generatedModules.get(i));
            ModuleMerge merge = ModuleMerge.into(rewriter.out, generated, "generated module " + i);
            TableSlots slots = snapshot.patches().get(i);
            for (Map.Entry<Integer, Integer> slot : slots.functionAtSlot().entrySet()) {
                rewriter.slotFunctions.put(slot.getKey(), merge.functionIndex(slot.getValue()));
            }
            if (!slots.functionAtSlot().isEmpty()) {
                rewriter.slotTable = merge.tableIndex(0);
            }
        }
        rewriter.placeSlotFunctions();
        rewriter.restoreMemory();
        return ModuleWriter.write(rewriter.out);
    }

    /**
     * The table's contents are rebuilt from the main module's element segments plus the
     * patches, so the main module itself must never change a table at run time. Also notes
     * which data segments code names, so that no others need keeping.
     */
    private void scanMainCode() {
        int firstDefined = out.importCount(ExternKind.FUNCTION);
        for (int i = 0; i < out.codes.size(); i++) {
            String context = "function " + (firstDefined + i) + " of the main module";
            InstructionReader reader = new InstructionReader(out.codes.get(i).instructions(), context);
            while (reader.hasNext()) {
                Instruction in = reader.next();
                switch (in.opcode()) {
                    case TABLE_SET, TABLE_GROW, TABLE_FILL, TABLE_COPY, TABLE_INIT -> throw new WasmFormatException(
                            context + " changes a table at run time (" + in.opcode().text() + " at offset " + in.start()
                                    + "); the table's contents could not be snapshotted");
                    case MEMORY_INIT, DATA_DROP -> lastDataIndexUsed = Math.max(lastDataIndexUsed, (int) in.immediate());
                    default -> {
                    }
                }
            }
        }
    }

    private void dropStartAndConstructors() {
        out.start = -1;
        ExportEntry initialize = out.export(INITIALIZE);
        if (initialize == null || initialize.kind() != ExternKind.FUNCTION || isNoOp(initialize.index())) {
            return;
        }
        int type = out.internType(new FuncType(List.of(), List.of()));
        if (out.functionTypeIndex(initialize.index()) != type) {
            throw new WasmFormatException(INITIALIZE + " is not a () -> () function");
        }
        int noOp = out.indexSpaceSize(ExternKind.FUNCTION);
        out.functions.add(type);
        out.codes.add(new Code(List.of(), new byte[] {(byte) Opcode.END.code()}));
        out.exports.set(out.exports.indexOf(initialize), new ExportEntry(INITIALIZE, ExternKind.FUNCTION, noOp));
    }

    private boolean isNoOp(int function) {
        int defined = function - out.importCount(ExternKind.FUNCTION);
        if (defined < 0) {
            return false;
        }
        Code code = out.codes.get(defined);
        return code.locals().isEmpty() && code.instructions().length == 1
                && (code.instructions()[0] & 0xFF) == Opcode.END.code();
    }

    private void restoreGlobals() {
        int firstDefined = out.importCount(ExternKind.GLOBAL);
        for (int i = 0; i < out.globals.size(); i++) {
            Global global = out.globals.get(i);
            if (!global.type().mutable()) {
                continue;
            }
            Long bits = snapshot.globals().get(firstDefined + i);
            if (bits == null) {
                throw new WasmFormatException("the snapshot has no value for mutable global " + (firstDefined + i));
            }
            out.globals.set(i, new Global(global.type(), ConstExpr.of(global.type().type(), bits)));
        }
    }

    /**
     * The main module's active data segments initialised memory that the snapshot now holds.
     * Where code names a segment after one of them, each becomes an empty passive segment: that
     * keeps every index, and behaves as the dropped segment would. Segments no code can name
     * (past the last index named) are left out.
     */
    private void dropInitialData() {
        if (out.importCount(ExternKind.MEMORY) != 0 || out.memories.size() != 1) {
            throw new WasmFormatException("the main module must define exactly one memory and import none");
        }
        // Only memory.init and data.drop name a segment; those past the last one named can go.
        List<Data> kept = new ArrayList<>();
        for (int i = 0; i <= lastDataIndexUsed; i++) {
            Data data = out.datas.get(i);
            kept.add(data.mode() == SegmentMode.PASSIVE ? data : new Data(SegmentMode.PASSIVE, 0, null, new byte[0]));
        }
        out.datas.clear();
        out.datas.addAll(kept);
    }

    private void placeSlotFunctions() {
        if (snapshot.tableSize() > 0) {
            int table = slotTable >= 0 ? slotTable : 0;
            int firstDefined = out.importCount(ExternKind.TABLE);
            if (table < firstDefined) {
                throw new WasmFormatException("table " + table + " is imported; its size cannot be restored");
            }
            TableType type = out.tables.get(table - firstDefined);
            Limits limits = type.limits();
            if (limits.hasMax() && limits.max() < snapshot.tableSize()) {
                throw new WasmFormatException("table " + table + " has maximum " + limits.max()
                        + " but the snapshot holds " + snapshot.tableSize() + " slots");
            }
            long min = Math.max(limits.min(), snapshot.tableSize());
            out.tables.set(table - firstDefined, new TableType(type.elementType(), new Limits(min, limits.max(), false)));
        }
        List<Integer> run = new ArrayList<>();
        int runStart = -1;
        for (Map.Entry<Integer, Integer> slot : slotFunctions.entrySet()) {
            if (!run.isEmpty() && slot.getKey() != runStart + run.size()) {
                addSlotSegment(runStart, run);
                run = new ArrayList<>();
            }
            if (run.isEmpty()) {
                runStart = slot.getKey();
            }
            run.add(slot.getValue());
        }
        if (!run.isEmpty()) {
            addSlotSegment(runStart, run);
        }
    }

    private void addSlotSegment(int offset, List<Integer> functions) {
        out.elements.add(new Element(SegmentMode.ACTIVE, slotTable, ConstExpr.of(ValueType.I32, offset),
                ValueType.FUNCREF, List.copyOf(functions), null));
    }

    private void restoreMemory() {
        byte[] memory = snapshot.memory();
        MemoryType type = out.memories.get(0);
        long pages = memory.length / PAGE_SIZE;
        out.memories.set(0, new MemoryType(new Limits(pages, type.limits().max(), type.limits().shared()), type.memory64()));
        for (MemorySegments.Segment segment : MemorySegments.of(memory)) {
            byte[] bytes = new byte[segment.length()];
            System.arraycopy(memory, segment.offset(), bytes, 0, bytes.length);
            byte[] offset = type.memory64() ? ConstExpr.of(ValueType.I64, segment.offset())
                    : ConstExpr.of(ValueType.I32, segment.offset());
            out.datas.add(new Data(SegmentMode.ACTIVE, 0, offset, bytes));
        }
    }
}
