package dev.wasmjit.staticlink;

import dev.wasmjit.wasm.IndexSpace;
import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.ModuleSections.Code;
import dev.wasmjit.wasm.ModuleSections.Data;
import dev.wasmjit.wasm.ModuleSections.Element;
import dev.wasmjit.wasm.ModuleSections.ExportEntry;
import dev.wasmjit.wasm.ModuleSections.ExternKind;
import dev.wasmjit.wasm.ModuleSections.FunctionImport;
import dev.wasmjit.wasm.ModuleSections.Global;
import dev.wasmjit.wasm.ModuleSections.GlobalType;
import dev.wasmjit.wasm.ModuleSections.ImportEntry;
import dev.wasmjit.wasm.ModuleSections.SegmentMode;
import dev.wasmjit.wasm.ModuleSections.TableType;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.ValueType;
import dev.wasmjit.wasm.WasmFormatException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Merges one generated module into the module being linked, the way the dynamic late linker
 * binds it: each {@code env.NAME} import becomes the main module's own export {@code NAME}
 * (so {@code env.memory} and {@code env.__indirect_function_table} become its memory and
 * table), types are shared, and the generated functions, globals and segments are appended
 * with every index in their code renumbered. What instantiation already did is not done again:
 * active data went into memory (now in the snapshot), active elements and the start function's
 * patch went into the table (now the rewriter's element segment), so the start function's
 * body becomes {@code unreachable} and active segments become their dropped equivalents.
 */
final class ModuleMerge {
    private static final String IMPORT_MODULE = "env";

    private final ModuleSections out;
    private final ModuleSections generated;
    private final String context;
    private final Map<IndexSpace, int[]> indexMap = new EnumMap<>(IndexSpace.class);

    private ModuleMerge(ModuleSections out, ModuleSections generated, String context) {
        this.out = out;
        this.generated = generated;
        this.context = context;
    }

    /** Merges {@code generated} into {@code out}; {@code context} names it in errors. */
    static ModuleMerge into(ModuleSections out, ModuleSections generated, String context) {
        ModuleMerge merge = new ModuleMerge(out, generated, context);
        merge.mergeTypes();
        merge.bindImports();
        merge.mergeFunctions();
        merge.mergeGlobals();
        merge.mergeElements();
        merge.mergeData();
        merge.mergeCode();
        return merge;
    }

    /** Where the generated module's function {@code index} is in the linked module. */
    int functionIndex(int index) {
        return indexMap.get(IndexSpace.FUNCTION)[index];
    }

    /** Where the generated module's table {@code index} is in the linked module. */
    int tableIndex(int index) {
        return indexMap.get(IndexSpace.TABLE)[index];
    }

    private void mergeTypes() {
        int[] types = new int[generated.types.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = out.internType(generated.types.get(i));
        }
        indexMap.put(IndexSpace.TYPE, types);
    }

    private void bindImports() {
        if (!generated.tables.isEmpty() || !generated.memories.isEmpty()) {
            throw new WasmFormatException(context + " defines its own table or memory; their contents cannot be snapshotted");
        }
        Map<ExternKind, List<Integer>> bound = new EnumMap<>(ExternKind.class);
        for (ExternKind kind : ExternKind.values()) {
            bound.put(kind, new ArrayList<>());
        }
        for (ImportEntry imp : generated.imports) {
            ExternKind kind = ExternKind.of(imp.type());
            String what = context + " import " + imp.module() + "." + imp.name();
            if (!imp.module().equals(IMPORT_MODULE)) {
                throw new WasmFormatException(what + ": only env.NAME imports bind to the main module");
            }
            ExportEntry export = out.export(imp.name());
            if (export == null || export.kind() != kind) {
                throw new WasmFormatException(what + ": the main module exports no " + kind.name().toLowerCase()
                        + " named " + imp.name());
            }
            if (imp.type() instanceof FunctionImport f
                    && !generated.types.get(f.typeIndex()).equals(out.types.get(out.functionTypeIndex(export.index())))) {
                throw new WasmFormatException(what + ": its type differs from the main module's function");
            }
            if (imp.type() instanceof TableType t && t.elementType() != out.tableType(export.index()).elementType()) {
                throw new WasmFormatException(what + ": its element type differs from the main module's table");
            }
            bound.get(kind).add(export.index());
        }
        indexMap.put(IndexSpace.FUNCTION, toArray(bound.get(ExternKind.FUNCTION), generated.functions.size()));
        indexMap.put(IndexSpace.TABLE, toArray(bound.get(ExternKind.TABLE), 0));
        indexMap.put(IndexSpace.MEMORY, toArray(bound.get(ExternKind.MEMORY), 0));
        indexMap.put(IndexSpace.GLOBAL, toArray(bound.get(ExternKind.GLOBAL), generated.globals.size()));
    }

    /** The bound imports' indices, followed by room for {@code defined} more. */
    private static int[] toArray(List<Integer> imported, int defined) {
        int[] map = new int[imported.size() + defined];
        for (int i = 0; i < imported.size(); i++) {
            map[i] = imported.get(i);
        }
        return map;
    }

    private void mergeFunctions() {
        int[] functions = indexMap.get(IndexSpace.FUNCTION);
        int firstImported = generated.importCount(ExternKind.FUNCTION);
        int next = out.indexSpaceSize(ExternKind.FUNCTION);
        for (int i = 0; i < generated.functions.size(); i++) {
            functions[firstImported + i] = next + i;
            out.functions.add(indexMap.get(IndexSpace.TYPE)[generated.functions.get(i)]);
        }
    }

    private void mergeGlobals() {
        int[] globals = indexMap.get(IndexSpace.GLOBAL);
        int firstImported = generated.importCount(ExternKind.GLOBAL);
        int next = out.indexSpaceSize(ExternKind.GLOBAL);
        // Every new global's index is known first: an initialiser may refer to earlier ones.
        for (int i = 0; i < generated.globals.size(); i++) {
            globals[firstImported + i] = next + i;
        }
        for (int i = 0; i < generated.globals.size(); i++) {
            Global global = generated.globals.get(i);
            GlobalType type = global.type();
            if (type.mutable()) {
                throw new WasmFormatException(context + " defines mutable global " + (firstImported + i)
                        + "; its value lives in the generated instance and cannot be snapshotted");
            }
            out.globals.add(new Global(type, rewrite(global.init(), "global " + i)));
        }
    }

    /**
     * Active segments were applied and dropped at instantiation; a declarative segment with
     * the same functions is the equivalent that keeps their {@code ref.func} declarations.
     */
    private void mergeElements() {
        int first = out.elements.size();
        indexMap.put(IndexSpace.ELEMENT, sequence(first, generated.elements.size()));
        for (int i = 0; i < generated.elements.size(); i++) {
            Element element = generated.elements.get(i);
            String where = "element segment " + i;
            SegmentMode mode = element.mode() == SegmentMode.ACTIVE ? SegmentMode.DECLARATIVE : element.mode();
            List<Integer> functions = null;
            List<byte[]> expressions = null;
            if (element.functions() != null) {
                functions = new ArrayList<>();
                for (int function : element.functions()) {
                    functions.add(functionIndex(function));
                }
            } else {
                expressions = new ArrayList<>();
                for (byte[] expression : element.expressions()) {
                    expressions.add(rewrite(expression, where));
                }
            }
            if (mode == SegmentMode.DECLARATIVE && element.type() != ValueType.FUNCREF) {
                // Only funcref segments can be declarative; others are dropped the same way by emptying them.
                mode = SegmentMode.PASSIVE;
                expressions = List.of();
            }
            out.elements.add(new Element(mode, 0, null, element.type(), functions, expressions));
        }
    }

    /** Active data already went into memory; an empty passive segment is its dropped equivalent. */
    private void mergeData() {
        int first = out.datas.size();
        indexMap.put(IndexSpace.DATA, sequence(first, generated.datas.size()));
        for (Data data : generated.datas) {
            out.datas.add(data.mode() == SegmentMode.PASSIVE ? data : new Data(SegmentMode.PASSIVE, 0, null, new byte[0]));
        }
        out.hasDataCount |= generated.hasDataCount || !generated.datas.isEmpty();
    }

    private void mergeCode() {
        int firstDefined = generated.importCount(ExternKind.FUNCTION);
        for (int i = 0; i < generated.codes.size(); i++) {
            Code code = generated.codes.get(i);
            if (firstDefined + i == generated.start) {
                // The patch already ran in the live instance; running it again would double its effects.
                out.codes.add(new Code(List.of(), new byte[] {(byte) Opcode.UNREACHABLE.code(), (byte) Opcode.END.code()}));
            } else {
                out.codes.add(new Code(code.locals(), rewrite(code.instructions(), "function " + (firstDefined + i))));
            }
        }
    }

    private byte[] rewrite(byte[] expression, String where) {
        return IndexRewriter.rewrite(expression, (space, index) -> {
            int[] map = indexMap.get(space);
            if (map == null || index < 0 || index >= map.length) {
                throw new WasmFormatException(context + " " + where + ": " + space.name().toLowerCase()
                        + " index " + index + " is out of range");
            }
            return map[index];
        }, context + " " + where);
    }

    private static int[] sequence(int first, int count) {
        int[] map = new int[count];
        for (int i = 0; i < count; i++) {
            map[i] = first + i;
        }
        return map;
    }
}
