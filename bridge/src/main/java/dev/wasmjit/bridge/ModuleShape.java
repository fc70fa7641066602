package dev.wasmjit.bridge;

import dev.wasmjit.wasm.ValueType;
import dev.wasmjit.wasm.WasmFormatException;
import dev.wasmjit.wasm.WasmInput;
import dev.wasmjit.wasm.WasmOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a module's binary says about its interface: imports and exports with their kinds and
 * function signatures, how many functions it defines, whether it has a start function.
 * wasmtime-java 0.19.0 reports neither export types nor function counts, so the host reads
 * them from the bytes itself. Only the sections that carry this are decoded; the rest are
 * skipped, and wasmtime validates the whole module when it compiles it.
 *
 * @param imports                the imports, in order
 * @param exports                the exports, in order
 * @param definedFunctionCount   functions defined in the module (not imported)
 * @param hasStartFunction       whether a start function runs at instantiation
 */
public record ModuleShape(List<Import> imports, List<Export> exports, int definedFunctionCount,
                          boolean hasStartFunction) {

    /** The kinds of thing a module imports or exports. */
    public enum Kind {
        /** A function. */
        FUNCTION,
        /** A table. */
        TABLE,
        /** A linear memory. */
        MEMORY,
        /** A global. */
        GLOBAL
    }

    /**
     * One import.
     *
     * @param module    the import's module name, such as {@code env}
     * @param name      the import's field name
     * @param kind      what is imported
     * @param signature the function's signature, for functions only
     */
    public record Import(String module, String name, Kind kind, Optional<FuncSignature> signature) {
        @Override
        public String toString() {
            return kind.name().toLowerCase() + " " + module + "." + name + signature.map(s -> " " + s).orElse("");
        }
    }

    /**
     * One export.
     *
     * @param name      the export's name
     * @param kind      what is exported
     * @param signature the function's signature, for functions only
     */
    public record Export(String name, Kind kind, Optional<FuncSignature> signature) {
    }

    /**
     * Copies the lists so the shape is immutable.
     *
     * @param imports              the imports
     * @param exports              the exports
     * @param definedFunctionCount defined functions
     * @param hasStartFunction     whether there is a start function
     */
    public ModuleShape {
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
    }

    /**
     * Finds an export by name.
     *
     * @param name the export's name
     * @return the export, or empty
     */
    public Optional<Export> export(String name) {
        return exports.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static final int SECTION_TYPE = 1;
    private static final int SECTION_IMPORT = 2;
    private static final int SECTION_FUNCTION = 3;
    private static final int SECTION_EXPORT = 7;
    private static final int SECTION_START = 8;
    private static final int FORM_FUNC = 0x60;

    /**
     * Reads the shape of a module binary. Every count and size is checked against the bytes
     * that remain before anything is read or allocated for it, so no module makes this loop
     * or allocate more than its own size.
     *
     * @param bytes a WebAssembly binary module
     * @return its shape
     * @throws ModuleException if the bytes are not a WebAssembly binary or a section it reads
     *                         is malformed; the message says at which byte offset
     */
    public static ModuleShape read(byte[] bytes) {
        try {
            return readSections(bytes);
        } catch (WasmFormatException e) {
            throw new ModuleException(e.getMessage(), e);
        }
    }

    private static ModuleShape readSections(byte[] bytes) {
        WasmInput in = new WasmInput(bytes);
        if (bytes.length < 8 || in.fixed32() != WasmOutput.MAGIC) {
            throw new ModuleException("not a WebAssembly binary module: it does not start with \\0asm ("
                    + bytes.length + " bytes)");
        }
        int version = in.fixed32();
        if (version != WasmOutput.VERSION) {
            throw new ModuleException("unsupported WebAssembly binary version " + version + " (expected 1)");
        }
        List<FuncSignature> types = new ArrayList<>();
        List<FuncSignature> functions = new ArrayList<>();
        List<Import> imports = new ArrayList<>();
        List<RawExport> rawExports = new ArrayList<>();
        int defined = 0;
        boolean start = false;
        while (!in.atEnd()) {
            int sectionStart = in.position();
            int id = in.u8();
            long size = Integer.toUnsignedLong(in.u32());
            if (size > in.remaining()) {
                throw new ModuleException("section " + id + " at byte offset " + sectionStart + " declares " + size
                        + " bytes but only " + in.remaining() + " remain");
            }
            WasmInput section = in.slice((int) size);
            switch (id) {
                case SECTION_TYPE -> readTypes(section, types);
                case SECTION_IMPORT -> readImports(section, types, imports, functions);
                case SECTION_FUNCTION -> {
                    defined = section.count("function");
                    for (int i = 0; i < defined; i++) {
                        functions.add(type(types, section.u32()));
                    }
                }
                case SECTION_EXPORT -> {
                    int count = section.count("export");
                    for (int i = 0; i < count; i++) {
                        String name = section.name();
                        int kindAt = section.position();
                        rawExports.add(new RawExport(name, kind(section.u8(), kindAt), section.u32()));
                    }
                }
                case SECTION_START -> start = true;
                default -> { }
            }
        }
        List<Export> exports = new ArrayList<>();
        for (RawExport raw : rawExports) {
            // Exports may name functions of any index; only those in range have a signature to report.
            Optional<FuncSignature> signature = raw.kind == Kind.FUNCTION && raw.index >= 0 && raw.index < functions.size()
                    ? Optional.of(functions.get(raw.index)) : Optional.empty();
            exports.add(new Export(raw.name, raw.kind, signature));
        }
        return new ModuleShape(imports, exports, defined, start);
    }

    /** An export as read, before the function section's signatures are known to resolve it. */
    private record RawExport(String name, Kind kind, int index) {
    }

    private static void readTypes(WasmInput in, List<FuncSignature> types) {
        int count = in.count("type");
        for (int i = 0; i < count; i++) {
            int form = in.u8();
            if (form != FORM_FUNC) {
                throw new ModuleException("unknown type form 0x" + Integer.toHexString(form)
                        + " at byte offset " + (in.position() - 1));
            }
            List<ValueType> params = valueTypes(in, "parameter");
            List<ValueType> results = valueTypes(in, "result");
            types.add(new FuncSignature(params, results));
        }
    }

    private static void readImports(WasmInput in, List<FuncSignature> types, List<Import> imports,
                                    List<FuncSignature> functions) {
        int count = in.count("import");
        for (int i = 0; i < count; i++) {
            String module = in.name();
            String name = in.name();
            Kind kind = kind(in.u8(), in.position() - 1);
            Optional<FuncSignature> signature = Optional.empty();
            switch (kind) {
                case FUNCTION -> {
                    FuncSignature type = type(types, in.u32());
                    functions.add(type);
                    signature = Optional.of(type);
                }
                case TABLE -> {
                    in.u8();
                    limits(in);
                }
                case MEMORY -> limits(in);
                case GLOBAL -> {
                    in.u8();
                    in.u8();
                }
            }
            imports.add(new Import(module, name, kind, signature));
        }
    }

    private static void limits(WasmInput in) {
        int flags = in.u8();
        in.u32();
        if ((flags & 1) != 0) {
            in.u32();
        }
    }

    private static List<ValueType> valueTypes(WasmInput in, String what) {
        int count = in.count(what);
        List<ValueType> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            types.add(ValueType.of(in.u8(), in.position() - 1));
        }
        return types;
    }

    private static FuncSignature type(List<FuncSignature> types, int index) {
        if (index < 0 || index >= types.size()) {
            throw new ModuleException("type index " + Integer.toUnsignedString(index) + " out of range ("
                    + types.size() + " types)");
        }
        return types.get(index);
    }

    private static Kind kind(int code, int offset) {
        return switch (code) {
            case 0 -> Kind.FUNCTION;
            case 1 -> Kind.TABLE;
            case 2 -> Kind.MEMORY;
            case 3 -> Kind.GLOBAL;
            default -> throw new ModuleException("unknown import/export kind " + code + " at byte offset " + offset);
        };
    }
}
