package dev.wasmjit.wasm;

import java.util.ArrayList;
import java.util.List;

/**
 * A core WebAssembly module as plain, mutable data: one list per section, in the binary
 * format's own terms. Function bodies, constant expressions and custom sections are kept as
 * their encoded bytes, so that whatever a caller does not change is written back exactly.
 * Index spaces follow the spec: imports first, then definitions.
 *
 * <p>{@link ModuleReader} fills one from bytes, {@link ModuleWriter} encodes one, and a new
 * one is empty, ready to be filled by hand. Nothing here is checked until it is written or
 * run: an index out of range is the caller's mistake.
 */
public final class ModuleSections {

    /**
     * A function signature.
     *
     * @param params  the parameter types
     * @param results the result types
     */
    public record FuncType(List<ValueType> params, List<ValueType> results) {
        /**
         * Copies the lists, so that equal signatures are equal records.
         *
         * @param params  the parameter types
         * @param results the result types
         */
        public FuncType {
            params = List.copyOf(params);
            results = List.copyOf(results);
        }
    }

    /**
     * Size bounds of a table or memory.
     *
     * @param min    the minimum size
     * @param max    the maximum size, or -1 when there is none
     * @param shared whether a memory is shared between threads
     */
    public record Limits(long min, long max, boolean shared) {
        /**
         * Whether there is a maximum.
         *
         * @return true when a maximum is given
         */
        public boolean hasMax() {
            return max >= 0;
        }
    }

    /** What an import or a definition is: one of the four extern kinds. */
    public sealed interface ExternType permits FunctionImport, TableType, MemoryType, GlobalType {
    }

    /**
     * An imported function.
     *
     * @param typeIndex the index of its type
     */
    public record FunctionImport(int typeIndex) implements ExternType {
    }

    /**
     * A table's type.
     *
     * @param elementType the reference type of its elements
     * @param limits      its size bounds, in elements
     */
    public record TableType(ValueType elementType, Limits limits) implements ExternType {
    }

    /**
     * A memory's type.
     *
     * @param limits   its size bounds, in 64 KiB pages
     * @param memory64 whether it is addressed with 64-bit offsets
     */
    public record MemoryType(Limits limits, boolean memory64) implements ExternType {
    }

    /**
     * A global's type.
     *
     * @param type    its value type
     * @param mutable whether it can be set
     */
    public record GlobalType(ValueType type, boolean mutable) implements ExternType {
    }

    /**
     * An entry of the import section.
     *
     * @param module the module name it is imported from
     * @param name   the field name
     * @param type   what is imported
     */
    public record ImportEntry(String module, String name, ExternType type) {
    }

    /**
     * A defined global.
     *
     * @param type its type
     * @param init its constant initialiser, encoded and ending with {@code end}
     */
    public record Global(GlobalType type, byte[] init) {
    }

    /** The four kinds an export or import refers to; the ordinal is the binary code. */
    public enum ExternKind {
        /** A function. */
        FUNCTION,
        /** A table. */
        TABLE,
        /** A memory. */
        MEMORY,
        /** A global. */
        GLOBAL;

        /**
         * The byte that encodes the kind in an import or an export.
         *
         * @return the code, between 0 and 3
         */
        public int code() {
            return ordinal();
        }

        /**
         * The kind of an import's type.
         *
         * @param type the type
         * @return its kind
         */
        public static ExternKind of(ExternType type) {
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

    /**
     * An entry of the export section.
     *
     * @param name  the export's name
     * @param kind  what it exports
     * @param index the index of the exported entity in its index space
     */
    public record ExportEntry(String name, ExternKind kind, int index) {
    }

    /** When an element or data segment applies. */
    public enum SegmentMode {
        /** At instantiation, at an offset. */
        ACTIVE,
        /** When an instruction uses it. */
        PASSIVE,
        /** Never: it only declares functions that {@code ref.func} may name. */
        DECLARATIVE
    }

    /**
     * An element segment. Exactly one of {@code functions} and {@code expressions} is non-null.
     *
     * @param mode        when it applies
     * @param tableIndex  the table it fills, when active
     * @param offset      its offset expression, encoded; set only for active segments
     * @param type        its element type
     * @param functions   its entries as plain function indices, or null
     * @param expressions its entries as encoded constant expressions, or null
     */
    public record Element(SegmentMode mode, int tableIndex, byte[] offset, ValueType type,
                          List<Integer> functions, List<byte[]> expressions) {
        /**
         * The number of entries.
         *
         * @return the segment's size
         */
        public int size() {
            return functions != null ? functions.size() : expressions.size();
        }
    }

    /**
     * A data segment.
     *
     * @param mode        when it applies
     * @param memoryIndex the memory it fills, when active
     * @param offset      its offset expression, encoded; set only for active segments
     * @param bytes       its contents
     */
    public record Data(SegmentMode mode, int memoryIndex, byte[] offset, byte[] bytes) {
    }

    /**
     * A run of locals of one type.
     *
     * @param count how many
     * @param type  their type
     */
    public record Locals(int count, ValueType type) {
    }

    /**
     * A function body.
     *
     * @param locals       its locals beyond the parameters
     * @param instructions its instructions, encoded and ending with {@code end}
     */
    public record Code(List<Locals> locals, byte[] instructions) {
    }

    /**
     * A custom section.
     *
     * @param name    its name
     * @param payload its bytes after the name
     * @param after   the id of the standard section it followed in the input (0 when it came
     *                before all of them), so that it is written back in the same place
     */
    public record CustomSection(String name, byte[] payload, int after) {
    }

    /** The type section. */
    public final List<FuncType> types = new ArrayList<>();
    /** The import section. */
    public final List<ImportEntry> imports = new ArrayList<>();
    /** The function section: the type index of each defined function. */
    public final List<Integer> functions = new ArrayList<>();
    /** The table section. */
    public final List<TableType> tables = new ArrayList<>();
    /** The memory section. */
    public final List<MemoryType> memories = new ArrayList<>();
    /** The global section. */
    public final List<Global> globals = new ArrayList<>();
    /** The export section. */
    public final List<ExportEntry> exports = new ArrayList<>();
    /** The start function's index, or -1 when there is none. */
    public int start = -1;
    /** The element section. */
    public final List<Element> elements = new ArrayList<>();
    /** Whether a data count section is written (it must be when code uses data indices). */
    public boolean hasDataCount;
    /** The code section: one body per entry of {@link #functions}. */
    public final List<Code> codes = new ArrayList<>();
    /** The data section. */
    public final List<Data> datas = new ArrayList<>();
    /** The custom sections, in order. */
    public final List<CustomSection> customSections = new ArrayList<>();

    /** An empty module, to be filled. */
    public ModuleSections() {
    }

    /**
     * The number of imports of one kind: the first index of that kind's definitions.
     *
     * @param kind the kind
     * @return how many imports of it there are
     */
    public int importCount(ExternKind kind) {
        int count = 0;
        for (ImportEntry imp : imports) {
            if (ExternKind.of(imp.type()) == kind) {
                count++;
            }
        }
        return count;
    }

    /**
     * The size of a whole index space.
     *
     * @param kind the kind
     * @return imports plus definitions of that kind
     */
    public int indexSpaceSize(ExternKind kind) {
        int defined = switch (kind) {
            case FUNCTION -> functions.size();
            case TABLE -> tables.size();
            case MEMORY -> memories.size();
            case GLOBAL -> globals.size();
        };
        return importCount(kind) + defined;
    }

    /**
     * The type index of a function, imported or defined.
     *
     * @param functionIndex the function's index
     * @return its type's index
     * @throws IndexOutOfBoundsException if there is no such function
     */
    public int functionTypeIndex(int functionIndex) {
        int imported = importCount(ExternKind.FUNCTION);
        return functionIndex < imported
                ? ((FunctionImport) importedType(ExternKind.FUNCTION, functionIndex)).typeIndex()
                : functions.get(functionIndex - imported);
    }

    /**
     * The type of a table, imported or defined.
     *
     * @param tableIndex the table's index
     * @return its type
     * @throws IndexOutOfBoundsException if there is no such table
     */
    public TableType tableType(int tableIndex) {
        int imported = importCount(ExternKind.TABLE);
        return tableIndex < imported
                ? (TableType) importedType(ExternKind.TABLE, tableIndex)
                : tables.get(tableIndex - imported);
    }

    /** The type of the {@code index}th import of one kind; the caller has checked that it exists. */
    private ExternType importedType(ExternKind kind, int index) {
        return imports.stream().map(ImportEntry::type).filter(type -> ExternKind.of(type) == kind)
                .skip(index).findFirst().orElseThrow();
    }

    /**
     * The index of a function type, added to the type section when it is not there yet.
     *
     * @param type the signature
     * @return the index of an equal type
     */
    public int internType(FuncType type) {
        int existing = types.indexOf(type);
        if (existing >= 0) {
            return existing;
        }
        types.add(type);
        return types.size() - 1;
    }

    /**
     * An export by name.
     *
     * @param name the export's name
     * @return the export, or null when there is none of that name
     */
    public ExportEntry export(String name) {
        for (ExportEntry export : exports) {
            if (export.name().equals(name)) {
                return export;
            }
        }
        return null;
    }

    /**
     * Defines a function and exports it: the small builder a host needs for a module of its
     * own, such as a probe.
     *
     * @param name         the export's name
     * @param type         the function's signature
     * @param locals       its locals beyond the parameters
     * @param instructions its body, encoded and ending with {@code end}
     * @return the function's index
     */
    public int exportFunction(String name, FuncType type, List<Locals> locals, byte[] instructions) {
        int index = indexSpaceSize(ExternKind.FUNCTION);
        functions.add(internType(type));
        codes.add(new Code(List.copyOf(locals), instructions));
        exports.add(new ExportEntry(name, ExternKind.FUNCTION, index));
        return index;
    }
}
