package dev.wasmjit.bridge;

import java.nio.charset.StandardCharsets;
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

    private static final int MAGIC = 0x6d736100;
    private static final int SECTION_TYPE = 1;
    private static final int SECTION_IMPORT = 2;
    private static final int SECTION_FUNCTION = 3;
    private static final int SECTION_EXPORT = 7;
    private static final int SECTION_START = 8;
    private static final int FORM_FUNC = 0x60;

    /**
     * Reads the shape of a module binary.
     *
     * @param bytes a WebAssembly binary module
     * @return its shape
     * @throws ModuleException if the bytes are not a WebAssembly binary or a section it reads
     *                         is malformed; the message says at which byte offset
     */
    public static ModuleShape read(byte[] bytes) {
        Cursor in = new Cursor(bytes);
        if (bytes.length < 8 || in.fixedInt() != MAGIC) {
            throw new ModuleException("not a WebAssembly binary module: it does not start with \\0asm ("
                    + bytes.length + " bytes)");
        }
        int version = in.fixedInt();
        if (version != 1) {
            throw new ModuleException("unsupported WebAssembly binary version " + version + " (expected 1)");
        }
        List<FuncSignature> types = new ArrayList<>();
        List<FuncSignature> functions = new ArrayList<>();
        List<Import> imports = new ArrayList<>();
        List<int[]> rawExports = new ArrayList<>();
        int defined = 0;
        boolean start = false;
        while (in.hasMore()) {
            int sectionStart = in.position();
            int id = in.u8();
            int end = in.enter("section " + id + " at byte offset " + sectionStart, in.u32());
            switch (id) {
                case SECTION_TYPE -> readTypes(in, types);
                case SECTION_IMPORT -> readImports(in, types, imports, functions);
                case SECTION_FUNCTION -> {
                    defined = in.count("function");
                    for (int i = 0; i < defined; i++) {
                        functions.add(type(types, in.u32()));
                    }
                }
                case SECTION_EXPORT -> {
                    int count = in.count("export");
                    for (int i = 0; i < count; i++) {
                        int nameStart = in.position();
                        in.name();
                        rawExports.add(new int[]{nameStart, in.u8(), in.u32()});
                    }
                }
                case SECTION_START -> start = true;
                default -> { }
            }
            in.leave(end);
        }
        List<Export> exports = new ArrayList<>();
        for (int[] raw : rawExports) {
            Cursor name = new Cursor(bytes);
            name.seek(raw[0]);
            Kind kind = kind(raw[1], raw[0]);
            Optional<FuncSignature> signature = kind == Kind.FUNCTION && raw[2] >= 0 && raw[2] < functions.size()
                    ? Optional.of(functions.get(raw[2])) : Optional.empty();
            exports.add(new Export(name.name(), kind, signature));
        }
        return new ModuleShape(imports, exports, defined, start);
    }

    private static void readTypes(Cursor in, List<FuncSignature> types) {
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

    private static void readImports(Cursor in, List<FuncSignature> types, List<Import> imports,
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

    private static void limits(Cursor in) {
        int flags = in.u8();
        in.u32();
        if ((flags & 1) != 0) {
            in.u32();
        }
    }

    private static List<ValueType> valueTypes(Cursor in, String what) {
        int count = in.count(what);
        List<ValueType> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int code = in.u8();
            types.add(switch (code) {
                case 0x7f -> ValueType.I32;
                case 0x7e -> ValueType.I64;
                case 0x7d -> ValueType.F32;
                case 0x7c -> ValueType.F64;
                case 0x7b -> ValueType.V128;
                case 0x70 -> ValueType.FUNCREF;
                case 0x6f -> ValueType.EXTERNREF;
                default -> throw new ModuleException("unknown value type 0x" + Integer.toHexString(code)
                        + " at byte offset " + (in.position() - 1));
            });
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

    /**
     * Reads the binary format's integers and names. Every read is bounded by the end of the
     * section being read (or of the module, between sections), and every count and length is
     * checked against the bytes that remain before anything is read or allocated for it: a
     * module cannot make the reader loop, go backwards or allocate more than its own size.
     */
    private static final class Cursor {
        private final byte[] bytes;
        private int position;
        private int limit;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
            this.limit = bytes.length;
        }

        boolean hasMore() {
            return position < limit;
        }

        int position() {
            return position;
        }

        void seek(int to) {
            position = to;
        }

        /** Bytes left before the current limit. */
        private long remaining() {
            return limit - position;
        }

        /**
         * Enters a payload of {@code size} bytes (an unsigned value from {@link #u32()}):
         * reads stop at its end until {@link #leave}.
         *
         * @return the payload's end offset
         */
        int enter(String what, int size) {
            long length = Integer.toUnsignedLong(size);
            if (length > remaining()) {
                throw new ModuleException(what + " declares " + length + " bytes but only "
                        + remaining() + " remain");
            }
            limit = position + (int) length;
            return limit;
        }

        /** Skips the rest of the payload entered last; its end is the new position. */
        void leave(int end) {
            position = end;
            limit = bytes.length;
        }

        int u8() {
            if (position >= limit) {
                throw new ModuleException("unexpected end of " + (limit == bytes.length ? "the module" : "a section")
                        + " at byte offset " + position);
            }
            return bytes[position++] & 0xff;
        }

        int fixedInt() {
            return u8() | u8() << 8 | u8() << 16 | u8() << 24;
        }

        /** An unsigned LEB128 integer of at most 32 bits, in at most 5 bytes; values above 2^31 - 1 come back negative. */
        int u32() {
            int start = position;
            int result = 0;
            for (int shift = 0; ; shift += 7) {
                int b = u8();
                if (shift == 28 && (b & 0xf0) != 0) {
                    throw new ModuleException("malformed LEB128 integer at byte offset " + start
                            + ": it does not fit in 32 bits");
                }
                result |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
        }

        /**
         * A vector's element count. Every element takes at least one byte, so a count larger
         * than the bytes that remain is malformed; refusing it here keeps a loop or an
         * allocation from ever seeing it.
         */
        int count(String what) {
            int start = position;
            long count = Integer.toUnsignedLong(u32());
            if (count > remaining()) {
                throw new ModuleException(what + " count " + count + " at byte offset " + start
                        + " is larger than the " + remaining() + " bytes that remain");
            }
            return (int) count;
        }

        String name() {
            int start = position;
            long length = Integer.toUnsignedLong(u32());
            if (length > remaining()) {
                throw new ModuleException("name length " + length + " at byte offset " + start
                        + " is larger than the " + remaining() + " bytes that remain");
            }
            position += (int) length;
            return new String(bytes, position - (int) length, (int) length, StandardCharsets.UTF_8);
        }
    }
}
