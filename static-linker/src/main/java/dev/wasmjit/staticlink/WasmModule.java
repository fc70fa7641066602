package dev.wasmjit.staticlink;

import java.util.ArrayList;
import java.util.List;

/**
 * A core WebAssembly module as plain, mutable data: one list per section, in the binary
 * format's own terms. Function bodies, constant expressions and custom sections are kept as
 * their encoded bytes, so that whatever the linker does not rewrite is written back exactly.
 * Index spaces follow the spec: imports first, then definitions.
 */
final class WasmModule {

    /** A function signature. */
    record FuncType(List<ValType> params, List<ValType> results) {
    }

    /** Size bounds of a table or memory; {@code max} is -1 when absent; {@code shared} for threads. */
    record Limits(long min, long max, boolean shared) {
        /** True when a maximum is given. */
        boolean hasMax() {
            return max >= 0;
        }
    }

    /** What an import or a definition is: one of the four extern kinds. */
    sealed interface ExternType permits FunctionImport, TableType, MemoryType, GlobalType {
    }

    /** An imported function, by its type index. */
    record FunctionImport(int typeIndex) implements ExternType {
    }

    /** A table: its element type and limits. */
    record TableType(ValType elementType, Limits limits) implements ExternType {
    }

    /** A memory: its limits in 64 KiB pages; {@code memory64} for 64-bit addressing. */
    record MemoryType(Limits limits, boolean memory64) implements ExternType {
    }

    /** A global's type. */
    record GlobalType(ValType type, boolean mutable) implements ExternType {
    }

    /** An import. */
    record Import(String module, String name, ExternType type) {
    }

    /** A defined global and its constant initialiser (encoded, ending with {@code end}). */
    record Global(GlobalType type, byte[] init) {
    }

    /** The four kinds an export or import refers to, with their binary codes. */
    enum ExternKind {
        FUNCTION, TABLE, MEMORY, GLOBAL;

        /** The kind of an import's type. */
        static ExternKind of(ExternType type) {
            if (type instanceof FunctionImport) {
                return FUNCTION;
            } else if (type instanceof TableType) {
                return TABLE;
            } else if (type instanceof MemoryType) {
                return MEMORY;
            }
            return GLOBAL;
        }
    }

    /** An export. */
    record Export(String name, ExternKind kind, int index) {
    }

    /** When an element or data segment applies. */
    enum SegmentMode {
        ACTIVE, PASSIVE, DECLARATIVE
    }

    /**
     * An element segment. Exactly one of {@code functions} (plain function indices) and
     * {@code expressions} (encoded constant expressions) is non-null. {@code offset} is set
     * only for active segments.
     */
    record Element(SegmentMode mode, int tableIndex, byte[] offset, ValType type,
                          List<Integer> functions, List<byte[]> expressions) {
        /** Number of entries in the segment. */
        int size() {
            return functions != null ? functions.size() : expressions.size();
        }
    }

    /** A data segment; {@code offset} is set only for active segments. */
    record Data(SegmentMode mode, int memoryIndex, byte[] offset, byte[] bytes) {
    }

    /** A run of {@code count} locals of one type. */
    record Locals(int count, ValType type) {
    }

    /** A function body: its locals and its instructions (encoded, ending with {@code end}). */
    record Code(List<Locals> locals, byte[] instructions) {
    }

    /**
     * A custom section, with the id of the standard section it followed in the input
     * (0 when it came before all of them), so that it is written back in the same place.
     */
    record CustomSection(String name, byte[] payload, int after) {
    }

    final List<FuncType> types = new ArrayList<>();
    final List<Import> imports = new ArrayList<>();
    /** The type index of each defined function. */
    final List<Integer> functions = new ArrayList<>();
    final List<TableType> tables = new ArrayList<>();
    final List<MemoryType> memories = new ArrayList<>();
    final List<Global> globals = new ArrayList<>();
    final List<Export> exports = new ArrayList<>();
    /** The start function's index, or -1. */
    int start = -1;
    final List<Element> elements = new ArrayList<>();
    /** Whether a data count section is written (it must be when code uses data indices). */
    boolean hasDataCount;
    final List<Code> codes = new ArrayList<>();
    final List<Data> datas = new ArrayList<>();
    final List<CustomSection> customSections = new ArrayList<>();

    /** Number of imports of one kind: the first index of that kind's definitions. */
    int importCount(ExternKind kind) {
        int count = 0;
        for (Import imp : imports) {
            if (ExternKind.of(imp.type()) == kind) {
                count++;
            }
        }
        return count;
    }

    /** Size of a whole index space: imports plus definitions. */
    int indexSpaceSize(ExternKind kind) {
        int defined = switch (kind) {
            case FUNCTION -> functions.size();
            case TABLE -> tables.size();
            case MEMORY -> memories.size();
            case GLOBAL -> globals.size();
        };
        return importCount(kind) + defined;
    }

    /** The type index of any function, imported or defined. */
    int functionTypeIndex(int functionIndex) {
        int imported = importCount(ExternKind.FUNCTION);
        return functionIndex < imported
                ? ((FunctionImport) importedType(ExternKind.FUNCTION, functionIndex)).typeIndex()
                : functions.get(functionIndex - imported);
    }

    /** The type of any table, imported or defined. */
    TableType tableType(int tableIndex) {
        int imported = importCount(ExternKind.TABLE);
        return tableIndex < imported
                ? (TableType) importedType(ExternKind.TABLE, tableIndex)
                : tables.get(tableIndex - imported);
    }

    /** The type of the {@code index}th import of one kind; the caller has checked that it exists. */
    private ExternType importedType(ExternKind kind, int index) {
        return imports.stream().map(Import::type).filter(type -> ExternKind.of(type) == kind)
                .skip(index).findFirst().orElseThrow();
    }

    /** The index of a type equal to {@code type}, appending it when there is none. */
    int internType(FuncType type) {
        int existing = types.indexOf(type);
        if (existing >= 0) {
            return existing;
        }
        types.add(type);
        return types.size() - 1;
    }

    /** The export of that name, or null. */
    Export export(String name) {
        for (Export export : exports) {
            if (export.name().equals(name)) {
                return export;
            }
        }
        return null;
    }
}
