package dev.wasmjit.wasm;

import dev.wasmjit.wasm.ModuleSections.Code;
import dev.wasmjit.wasm.ModuleSections.CustomSection;
import dev.wasmjit.wasm.ModuleSections.Data;
import dev.wasmjit.wasm.ModuleSections.Element;
import dev.wasmjit.wasm.ModuleSections.ExportEntry;
import dev.wasmjit.wasm.ModuleSections.ExternType;
import dev.wasmjit.wasm.ModuleSections.FuncType;
import dev.wasmjit.wasm.ModuleSections.FunctionImport;
import dev.wasmjit.wasm.ModuleSections.Global;
import dev.wasmjit.wasm.ModuleSections.GlobalType;
import dev.wasmjit.wasm.ModuleSections.ImportEntry;
import dev.wasmjit.wasm.ModuleSections.Limits;
import dev.wasmjit.wasm.ModuleSections.Locals;
import dev.wasmjit.wasm.ModuleSections.MemoryType;
import dev.wasmjit.wasm.ModuleSections.SegmentMode;
import dev.wasmjit.wasm.ModuleSections.TableType;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Encodes a {@link ModuleSections} in the binary format: sections in the spec's order, empty ones
 * left out, custom sections after the section they followed when read, every integer in its
 * shortest LEB128 form. A module read by {@link ModuleReader} from a canonically encoded file
 * is written back byte for byte.
 */
public final class ModuleWriter {
    /** Standard section ids in the order they are written (data count sits before code). */
    private static final int[] WRITE_ORDER = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 10, 11};

    private final ModuleSections module;
    private final WasmOutput out = new WasmOutput();

    private ModuleWriter(ModuleSections module) {
        this.module = module;
    }

    /**
     * Encodes a module.
     *
     * @param module the sections; only read
     * @return the module's binary
     */
    public static byte[] write(ModuleSections module) {
        return new ModuleWriter(module).writeModule();
    }

    private byte[] writeModule() {
        out.header();
        writeCustomSections(0);
        for (int id : WRITE_ORDER) {
            WasmOutput payload = section(id);
            if (payload != null) {
                out.u8(id).sized(payload.toByteArray());
            }
            writeCustomSections(id);
        }
        return out.toByteArray();
    }

    private void writeCustomSections(int after) {
        for (CustomSection custom : module.customSections) {
            if (custom.after() == after) {
                WasmOutput payload = new WasmOutput().name(custom.name()).bytes(custom.payload());
                out.u8(0).sized(payload.toByteArray());
            }
        }
    }

    /** The payload of section {@code id}, or null when the module has nothing for it. */
    private WasmOutput section(int id) {
        return switch (id) {
            case 1 -> vector(module.types, ModuleWriter::funcType);
            case 2 -> vector(module.imports, ModuleWriter::importEntry);
            case 3 -> vector(module.functions, WasmOutput::u32);
            case 4 -> vector(module.tables, ModuleWriter::tableType);
            case 5 -> vector(module.memories, ModuleWriter::memoryType);
            case 6 -> vector(module.globals, ModuleWriter::global);
            case 7 -> vector(module.exports, ModuleWriter::export);
            case 8 -> module.start < 0 ? null : new WasmOutput().u32(module.start);
            case 9 -> vector(module.elements, ModuleWriter::element);
            case 12 -> module.hasDataCount ? new WasmOutput().u32(module.datas.size()) : null;
            case 10 -> vector(module.codes, ModuleWriter::code);
            case 11 -> vector(module.datas, ModuleWriter::data);
            default -> throw new IllegalStateException("no section " + id);
        };
    }

    private static <T> WasmOutput vector(List<T> items, BiConsumer<WasmOutput, T> writeOne) {
        if (items.isEmpty()) {
            return null;
        }
        WasmOutput payload = new WasmOutput().u32(items.size());
        for (T item : items) {
            writeOne.accept(payload, item);
        }
        return payload;
    }

    private static void funcType(WasmOutput o, FuncType type) {
        o.u8(0x60);
        valTypes(o, type.params());
        valTypes(o, type.results());
    }

    private static void valTypes(WasmOutput o, List<ValueType> types) {
        o.u32(types.size());
        for (ValueType type : types) {
            o.u8(type.code());
        }
    }

    private static void importEntry(WasmOutput o, ImportEntry imp) {
        o.name(imp.module()).name(imp.name());
        ExternType type = imp.type();
        if (type instanceof FunctionImport f) {
            o.u8(0).u32(f.typeIndex());
        } else if (type instanceof TableType t) {
            o.u8(1);
            tableType(o, t);
        } else if (type instanceof MemoryType m) {
            o.u8(2);
            memoryType(o, m);
        } else {
            o.u8(3);
            globalType(o, (GlobalType) type);
        }
    }

    private static void tableType(WasmOutput o, TableType table) {
        o.u8(table.elementType().code());
        limits(o, table.limits(), 0);
    }

    private static void memoryType(WasmOutput o, MemoryType memory) {
        limits(o, memory.limits(), memory.memory64() ? 4 : 0);
    }

    private static void limits(WasmOutput o, Limits limits, int extraFlags) {
        int flags = extraFlags | (limits.hasMax() ? 1 : 0) | (limits.shared() ? 2 : 0);
        o.u8(flags).u64(limits.min());
        if (limits.hasMax()) {
            o.u64(limits.max());
        }
    }

    private static void globalType(WasmOutput o, GlobalType type) {
        o.u8(type.type().code()).u8(type.mutable() ? 1 : 0);
    }

    private static void global(WasmOutput o, Global global) {
        globalType(o, global.type());
        o.bytes(global.init());
    }

    private static void export(WasmOutput o, ExportEntry export) {
        o.name(export.name()).u8(export.kind().code()).u32(export.index());
    }

    /** Chooses the most compact of the eight element segment encodings that fits. */
    private static void element(WasmOutput o, Element element) {
        boolean expressions = element.functions() == null;
        boolean active = element.mode() == SegmentMode.ACTIVE;
        boolean explicitTable = active && (element.tableIndex() != 0 || element.type() != ValueType.FUNCREF);
        int flags = (expressions ? 4 : 0)
                | (active ? (explicitTable ? 2 : 0) : element.mode() == SegmentMode.DECLARATIVE ? 3 : 1);
        o.u32(flags);
        if (explicitTable) {
            o.u32(element.tableIndex());
        }
        if (active) {
            o.bytes(element.offset());
        }
        if (!active || explicitTable) {
            o.u8(expressions ? element.type().code() : 0);
        }
        if (expressions) {
            o.u32(element.expressions().size());
            element.expressions().forEach(o::bytes);
        } else {
            o.u32(element.functions().size());
            element.functions().forEach(o::u32);
        }
    }

    private static void code(WasmOutput o, Code code) {
        WasmOutput body = new WasmOutput().u32(code.locals().size());
        for (Locals locals : code.locals()) {
            body.u32(locals.count()).u8(locals.type().code());
        }
        body.bytes(code.instructions());
        o.sized(body.toByteArray());
    }

    private static void data(WasmOutput o, Data data) {
        if (data.mode() == SegmentMode.PASSIVE) {
            o.u32(1);
        } else if (data.memoryIndex() == 0) {
            o.u32(0).bytes(data.offset());
        } else {
            o.u32(2).u32(data.memoryIndex()).bytes(data.offset());
        }
        o.sized(data.bytes());
    }
}
