package dev.wasmjit.wasm;

import dev.wasmjit.wasm.ModuleSections.Code;
import dev.wasmjit.wasm.ModuleSections.CustomSection;
import dev.wasmjit.wasm.ModuleSections.Data;
import dev.wasmjit.wasm.ModuleSections.Element;
import dev.wasmjit.wasm.ModuleSections.ExportEntry;
import dev.wasmjit.wasm.ModuleSections.ExternKind;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a core module's binary format into a {@link ModuleSections}. Sections must come in the
 * spec's order, each exactly filling its declared size. Constant expressions are checked to be
 * well-formed; function bodies are kept as bytes (walk them with {@link InstructionReader}).
 */
public final class ModuleReader {
    private static final int CUSTOM = 0;
    private static final int DATA_COUNT = 12;
    /** Position of each section id in the required order (custom sections aside). */
    private static final int[] ORDER = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};

    private final byte[] bytes;
    private final WasmInput in;
    private final ModuleSections module = new ModuleSections();

    private ModuleReader(byte[] bytes) {
        this.bytes = bytes;
        this.in = new WasmInput(bytes);
    }

    /**
     * Decodes a module.
     *
     * @param bytes the module's binary; not kept
     * @return its sections
     * @throws WasmFormatException naming what is wrong and where; every count and size is
     *                             checked against the bytes that remain before it is used
     */
    public static ModuleSections read(byte[] bytes) {
        return new ModuleReader(bytes).readModule();
    }

    private ModuleSections readModule() {
        if (bytes.length < 8 || in.fixed32() != WasmOutput.MAGIC) {
            throw new WasmFormatException("not a WebAssembly module: the magic number \\0asm is missing");
        }
        int version = in.fixed32();
        if (version != WasmOutput.VERSION) {
            throw new WasmFormatException("unsupported binary version " + version + " (only 1 is read)");
        }
        int lastId = 0;
        int functionCount = -1;
        while (!in.atEnd()) {
            int sectionStart = in.position();
            int id = in.u8();
            long size = Integer.toUnsignedLong(in.u32());
            int payloadStart = in.position();
            if (size > bytes.length - payloadStart) {
                throw new WasmFormatException("section " + id + " at offset " + sectionStart + " declares " + size
                        + " bytes but only " + (bytes.length - payloadStart) + " remain");
            }
            int payloadEnd = payloadStart + (int) size;
            WasmInput section = new WasmInput(bytes, payloadStart, payloadEnd);
            if (id == CUSTOM) {
                String name = section.name();
                module.customSections.add(new CustomSection(name, section.bytes(payloadEnd - section.position()), lastId));
            } else {
                if (id >= ORDER.length) {
                    throw new WasmFormatException("unknown section id " + id + " at offset " + sectionStart);
                }
                if (lastId != 0 && ORDER[id] <= ORDER[lastId]) {
                    throw new WasmFormatException("section " + id + " at offset " + sectionStart + " is out of order or repeated");
                }
                lastId = id;
                readSection(id, section);
                if (id == 3) {
                    functionCount = module.functions.size();
                }
                if (!section.atEnd()) {
                    throw new WasmFormatException("section " + id + " at offset " + sectionStart
                            + " has " + (payloadEnd - section.position()) + " unread bytes");
                }
            }
            in.seek(payloadEnd);
        }
        if (module.codes.size() != Math.max(functionCount, 0)) {
            throw new WasmFormatException("function section declares " + Math.max(functionCount, 0)
                    + " functions but the code section has " + module.codes.size() + " bodies");
        }
        return module;
    }

    private void readSection(int id, WasmInput s) {
        switch (id) {
            case 1 -> repeat(s, "type", () -> module.types.add(funcType(s)));
            case 2 -> repeat(s, "import", () -> module.imports.add(new ImportEntry(s.name(), s.name(), importType(s))));
            case 3 -> repeat(s, "function", () -> module.functions.add(s.u32()));
            case 4 -> repeat(s, "table", () -> module.tables.add(tableType(s)));
            case 5 -> repeat(s, "memory", () -> module.memories.add(memoryType(s)));
            case 6 -> repeat(s, "global", () -> module.globals.add(new Global(globalType(s),
                    constExpr(s, "global initialiser"))));
            case 7 -> repeat(s, "export", () -> module.exports.add(new ExportEntry(s.name(), externKind(s), s.u32())));
            case 8 -> module.start = s.u32();
            case 9 -> repeat(s, "element segment", () -> module.elements.add(element(s)));
            case 10 -> repeat(s, "function body", () -> module.codes.add(code(s)));
            case 11 -> repeat(s, "data segment", () -> module.datas.add(data(s)));
            case DATA_COUNT -> {
                s.u32();
                module.hasDataCount = true;
            }
            default -> throw new WasmFormatException("unknown section id " + id);
        }
    }

    private static void repeat(WasmInput s, String what, Runnable readOne) {
        int count = s.count(what);
        for (int i = 0; i < count; i++) {
            readOne.run();
        }
    }

    private FuncType funcType(WasmInput s) {
        int offset = s.position();
        if (s.u8() != 0x60) {
            throw new WasmFormatException("expected a function type (0x60) at offset " + offset);
        }
        return new FuncType(valTypes(s, "parameter"), valTypes(s, "result"));
    }

    private static List<ValueType> valTypes(WasmInput s, String what) {
        int count = s.count(what);
        List<ValueType> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            types.add(ValueType.of(s.u8(), s.position() - 1));
        }
        return List.copyOf(types);
    }

    private ExternType importType(WasmInput s) {
        int offset = s.position();
        return switch (s.u8()) {
            case 0 -> new FunctionImport(s.u32());
            case 1 -> tableType(s);
            case 2 -> memoryType(s);
            case 3 -> globalType(s);
            default -> throw new WasmFormatException("unknown import kind at offset " + offset);
        };
    }

    private static ExternKind externKind(WasmInput s) {
        int offset = s.position();
        int code = s.u8();
        if (code > 3) {
            throw new WasmFormatException("unknown export kind " + code + " at offset " + offset);
        }
        return ExternKind.values()[code];
    }

    private static TableType tableType(WasmInput s) {
        ValueType element = ValueType.of(s.u8(), s.position() - 1);
        if (!element.isReference()) {
            throw new WasmFormatException("table element type " + element + " at offset " + (s.position() - 1));
        }
        int flagsAt = s.position();
        int flags = s.u8();
        if (flags > 1) {
            throw new WasmFormatException("unsupported table limits flags " + flags + " at offset " + flagsAt);
        }
        long min = Integer.toUnsignedLong(s.u32());
        long max = (flags & 1) != 0 ? Integer.toUnsignedLong(s.u32()) : -1;
        return new TableType(element, new Limits(min, max, false));
    }

    private static MemoryType memoryType(WasmInput s) {
        int flagsAt = s.position();
        int flags = s.u8();
        if (flags > 7) {
            throw new WasmFormatException("unsupported memory limits flags " + flags + " at offset " + flagsAt);
        }
        boolean memory64 = (flags & 4) != 0;
        long min = memory64 ? s.u64() : Integer.toUnsignedLong(s.u32());
        long max = (flags & 1) == 0 ? -1 : memory64 ? s.u64() : Integer.toUnsignedLong(s.u32());
        return new MemoryType(new Limits(min, max, (flags & 2) != 0), memory64);
    }

    private static GlobalType globalType(WasmInput s) {
        ValueType type = ValueType.of(s.u8(), s.position() - 1);
        int mutAt = s.position();
        int mutability = s.u8();
        if (mutability > 1) {
            throw new WasmFormatException("global mutability " + mutability + " at offset " + mutAt);
        }
        return new GlobalType(type, mutability == 1);
    }

    /** Reads a constant expression through its closing end and returns its bytes. */
    private byte[] constExpr(WasmInput s, String what) {
        int start = s.position();
        InstructionReader reader = new InstructionReader(bytes, start, s.end(), what + " at offset " + start);
        int end = start;
        while (reader.hasNext()) {
            end = reader.next().end();
        }
        s.seek(end);
        byte[] expr = new byte[end - start];
        System.arraycopy(bytes, start, expr, 0, expr.length);
        return expr;
    }

    private Element element(WasmInput s) {
        int flagsAt = s.position();
        int flags = s.u32();
        if (flags > 7) {
            throw new WasmFormatException("unknown element segment flags " + flags + " at offset " + flagsAt);
        }
        // Bit 0: passive or declarative (else active); bit 1: explicit table index (active) or
        // declarative (otherwise); bit 2: elements are expressions rather than function indices.
        boolean active = (flags & 1) == 0;
        SegmentMode mode = active ? SegmentMode.ACTIVE : (flags & 2) != 0 ? SegmentMode.DECLARATIVE : SegmentMode.PASSIVE;
        boolean expressions = (flags & 4) != 0;
        int table = active && (flags & 2) != 0 ? s.u32() : 0;
        byte[] offset = active ? constExpr(s, "element offset") : null;
        ValueType type = ValueType.FUNCREF;
        if (!active || (flags & 2) != 0) {
            int kindAt = s.position();
            int kind = s.u8();
            if (expressions) {
                type = ValueType.of(kind, kindAt);
            } else if (kind != 0) {
                throw new WasmFormatException("unknown element kind " + kind + " at offset " + kindAt);
            }
        }
        int count = s.count("element");
        if (expressions) {
            List<byte[]> exprs = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                exprs.add(constExpr(s, "element expression"));
            }
            return new Element(mode, table, offset, type, null, exprs);
        }
        List<Integer> functions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            functions.add(s.u32());
        }
        return new Element(mode, table, offset, type, functions, null);
    }

    private Code code(WasmInput s) {
        int size = s.length("function body");
        int bodyStart = s.position();
        int bodyEnd = bodyStart + size;
        WasmInput body = new WasmInput(bytes, bodyStart, bodyEnd);
        int groups = body.count("local group");
        List<Locals> locals = new ArrayList<>(groups);
        long total = 0;
        for (int i = 0; i < groups; i++) {
            int count = body.u32();
            total += Integer.toUnsignedLong(count);
            if (total > Integer.MAX_VALUE) {
                throw new WasmFormatException("too many locals in the function body at offset " + bodyStart);
            }
            locals.add(new Locals(count, ValueType.of(body.u8(), body.position() - 1)));
        }
        byte[] instructions = body.bytes(bodyEnd - body.position());
        s.seek(bodyEnd);
        return new Code(List.copyOf(locals), instructions);
    }

    private Data data(WasmInput s) {
        int flagsAt = s.position();
        int flags = s.u32();
        return switch (flags) {
            case 0 -> new Data(SegmentMode.ACTIVE, 0, constExpr(s, "data offset"), s.bytes(s.length("data segment")));
            case 1 -> new Data(SegmentMode.PASSIVE, 0, null, s.bytes(s.length("data segment")));
            case 2 -> {
                int memory = s.u32();
                yield new Data(SegmentMode.ACTIVE, memory, constExpr(s, "data offset"), s.bytes(s.length("data segment")));
            }
            default -> throw new WasmFormatException("unknown data segment flags " + flags + " at offset " + flagsAt);
        };
    }
}
