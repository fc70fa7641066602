package dev.wasmjit.reliability;

import dev.wasmjit.bridge.GuestMemory;
import dev.wasmjit.reliability.WasmBytes.Op;
import dev.wasmjit.scheme.SchemeInterpreter;

import java.util.ArrayList;
import java.util.List;

/**
 * A small module with the seed's guest ABI whose {@code jitModule} hands back whatever module
 * the host put in its memory: the way to send arbitrary bytes through
 * {@link SchemeInterpreter#jit()} and {@link SchemeInterpreter#link} without a real guest,
 * whose 200 KB would take seconds to compile for each case.
 *
 * <p>{@code parse(text)} gives the text's length in bytes, {@code eval(e, heap)} makes twice
 * that the result ({@code lastResultKind} 1, {@code lastResultInteger}); so
 * {@code eval(parse("abc"))} is 6, a known answer that runs code and reads memory. Its memory
 * is 2 MiB, as large as the addresses the real guest's generated modules read and write, and
 * its table has room for the slots their code calls through.
 *
 * <p>{@link #assemble} builds variants of it for the module generator: other memory limits,
 * other bodies for {@code _initialize} and {@code eval}, extra functions and imports, an ABI
 * export left out.
 */
final class MinimalGuest {

    /** Where the host writes the size of the module on offer; 0 means none. */
    static final int SIZE_ADDRESS = 16;
    /** Where the host writes the module on offer. */
    static final int MODULE_ADDRESS = 0x10000;
    /** The largest module on offer. */
    static final int MODULE_LIMIT = 0x30000;
    /** Where {@code allocateBytes} places the one block the host asks for at a time. */
    static final int TEXT_ADDRESS = 0x8000;
    static final int TEXT_LIMIT = 0x7000;
    static final int MEMORY_PAGES = 128;
    static final int TABLE_SLOTS = 90;

    /** Type indices of the guest's functions. */
    static final int TYPE_I32_I32 = 0;
    static final int TYPE_I32I32_VOID = 1;
    static final int TYPE_VOID_I32 = 2;
    static final int TYPE_I32_VOID = 3;
    static final int TYPE_VOID_VOID = 4;
    static final int TYPE_I32I32_I32 = 5;

    /** The ABI's exports in the order of the functions that implement them. */
    static final List<String> FUNCTIONS = List.of("parse", "eval", "jitModule", "moduleData", "moduleSize",
            "freeModule", "allocateBytes", "freeBytes", "lastResultKind", "lastResultInteger", "_initialize");
    private static final int[] FUNCTION_TYPES = {TYPE_I32_I32, TYPE_I32I32_VOID, TYPE_VOID_I32, TYPE_I32_I32,
        TYPE_I32_I32, TYPE_I32_VOID, TYPE_I32_I32, TYPE_I32_VOID, TYPE_VOID_I32, TYPE_VOID_I32, TYPE_VOID_VOID};

    private static final byte[] BYTES = assemble(new Layout());

    private MinimalGuest() {
    }

    /** The guest as described above. */
    static byte[] bytes() {
        return BYTES.clone();
    }

    /** The result {@code eval(parse(text))} gives for ASCII text. */
    static int resultFor(String text) {
        return 2 * text.length();
    }

    /**
     * Puts a module on offer: the next {@code jitModule} returns it, with {@code declaredSize}
     * as its size (its length, unless a case lies about it).
     */
    static void offer(SchemeInterpreter scheme, byte[] module, int declaredSize) {
        GuestMemory memory = scheme.instance().memory();
        memory.write(MODULE_ADDRESS, module);
        memory.writeI32(SIZE_ADDRESS, declaredSize);
    }

    /** What a variant changes; the defaults give the guest itself. */
    static final class Layout {
        int memoryMinPages = MEMORY_PAGES;
        long memoryMaxPages = -1;
        int tableSlots = TABLE_SLOTS;
        /** Code run by {@code _initialize}, with no locals, leaving nothing on the stack. */
        byte[] initialize = new byte[0];
        /** Code run by {@code eval} before it sets the result, leaving nothing on the stack. */
        byte[] evalPrelude = new byte[0];
        /** Extra functions of type (i32 i32) -> i32, each code that leaves one i32; not exported. */
        final List<byte[]> extraFunctions = new ArrayList<>();
        /** Extra imports of type () -> (), as (module, name). */
        final List<String[]> extraImports = new ArrayList<>();
        /** An ABI export to leave out, or null. */
        String omittedExport;
        /** Exports {@code _start} too: a WASI command, not a reactor. */
        boolean exportsStart;
    }

    /** A variant of the guest. */
    static byte[] assemble(Layout layout) {
        WasmBytes module = new WasmBytes().bytes(WasmBytes.HEADER);
        module.section(Op.SECTION_TYPE, new WasmBytes().vector(List.of(
                WasmBytes.functionType(new int[]{Op.I32}, new int[]{Op.I32}),
                WasmBytes.functionType(new int[]{Op.I32, Op.I32}, new int[0]),
                WasmBytes.functionType(new int[0], new int[]{Op.I32}),
                WasmBytes.functionType(new int[]{Op.I32}, new int[0]),
                WasmBytes.functionType(new int[0], new int[0]),
                WasmBytes.functionType(new int[]{Op.I32, Op.I32}, new int[]{Op.I32}))).toBytes());
        int imported = layout.extraImports.size();
        if (imported > 0) {
            List<byte[]> imports = new ArrayList<>();
            for (String[] anImport : layout.extraImports) {
                imports.add(new WasmBytes().name(anImport[0]).name(anImport[1]).u8(Op.KIND_FUNCTION)
                        .u32(TYPE_VOID_VOID).toBytes());
            }
            module.section(Op.SECTION_IMPORT, new WasmBytes().vector(imports).toBytes());
        }
        List<byte[]> functionTypes = new ArrayList<>();
        for (int type : FUNCTION_TYPES) {
            functionTypes.add(new WasmBytes().u32(type).toBytes());
        }
        for (int i = 0; i < layout.extraFunctions.size(); i++) {
            functionTypes.add(new WasmBytes().u32(TYPE_I32I32_I32).toBytes());
        }
        module.section(Op.SECTION_FUNCTION, new WasmBytes().vector(functionTypes).toBytes());
        module.section(Op.SECTION_TABLE, new WasmBytes().u32(1).u8(Op.FUNCREF).u8(0).u32(layout.tableSlots).toBytes());
        WasmBytes memory = new WasmBytes().u32(1);
        if (layout.memoryMaxPages < 0) {
            memory.u8(0).u32(layout.memoryMinPages);
        } else {
            memory.u8(1).u32(layout.memoryMinPages).u32(layout.memoryMaxPages);
        }
        module.section(Op.SECTION_MEMORY, memory.toBytes());
        module.section(Op.SECTION_GLOBAL, new WasmBytes().u32(1).u8(Op.I32).u8(1)
                .u8(Op.I32_CONST).s64(0).u8(Op.END).toBytes());
        List<byte[]> exports = new ArrayList<>();
        exports.add(WasmBytes.export("memory", Op.KIND_MEMORY, 0));
        exports.add(WasmBytes.export("__indirect_function_table", Op.KIND_TABLE, 0));
        for (int i = 0; i < FUNCTIONS.size(); i++) {
            if (!FUNCTIONS.get(i).equals(layout.omittedExport)) {
                exports.add(WasmBytes.export(FUNCTIONS.get(i), Op.KIND_FUNCTION, imported + i));
            }
        }
        if (layout.exportsStart) {
            exports.add(WasmBytes.export("_start", Op.KIND_FUNCTION, imported + FUNCTIONS.indexOf("_initialize")));
        }
        module.section(Op.SECTION_EXPORT, new WasmBytes().vector(exports).toBytes());
        List<byte[]> bodies = new ArrayList<>(List.of(
                WasmBytes.functionBody(List.of(new int[]{1, Op.I32}), parseCode()),
                WasmBytes.functionBody(List.of(new int[]{2, Op.I32}), new WasmBytes().bytes(layout.evalPrelude)
                        .u8(Op.LOCAL_GET).u32(0).u8(Op.I32_CONST).s64(2).u8(Op.I32_MUL).u8(Op.GLOBAL_SET).u32(0).toBytes()),
                WasmBytes.functionBody(List.of(), new WasmBytes()
                        .u8(Op.I32_CONST).s64(SIZE_ADDRESS).bytes(Op.I32_LOAD, 2, 0)
                        .u8(Op.I32_CONST).s64(0).u8(Op.I32_NE).toBytes()),
                WasmBytes.functionBody(List.of(), new WasmBytes().u8(Op.I32_CONST).s64(MODULE_ADDRESS).toBytes()),
                WasmBytes.functionBody(List.of(), new WasmBytes()
                        .u8(Op.I32_CONST).s64(SIZE_ADDRESS).bytes(Op.I32_LOAD, 2, 0).toBytes()),
                // the module is handed over once, as the real guest frees it
                WasmBytes.functionBody(List.of(), new WasmBytes()
                        .u8(Op.I32_CONST).s64(SIZE_ADDRESS).u8(Op.I32_CONST).s64(0).bytes(Op.I32_STORE, 2, 0).toBytes()),
                WasmBytes.functionBody(List.of(), new WasmBytes()
                        .u8(Op.LOCAL_GET).u32(0).u8(Op.I32_CONST).s64(TEXT_LIMIT).u8(Op.I32_LE_U)
                        .u8(Op.IF).u8(Op.I32).u8(Op.I32_CONST).s64(TEXT_ADDRESS)
                        .u8(Op.ELSE).u8(Op.I32_CONST).s64(0).u8(Op.END).toBytes()),
                WasmBytes.functionBody(List.of(), new byte[0]),
                WasmBytes.functionBody(List.of(), new WasmBytes().u8(Op.I32_CONST).s64(1).toBytes()),
                WasmBytes.functionBody(List.of(), new WasmBytes().u8(Op.GLOBAL_GET).u32(0).toBytes()),
                WasmBytes.functionBody(List.of(new int[]{4, Op.I32}), layout.initialize)));
        for (byte[] code : layout.extraFunctions) {
            bodies.add(WasmBytes.functionBody(List.of(new int[]{2, Op.I32}), code));
        }
        module.section(Op.SECTION_CODE, new WasmBytes().vector(bodies).toBytes());
        return module.toBytes();
    }

    /** The length of the NUL-terminated text at local 0, counted in local 1. */
    private static byte[] parseCode() {
        return new WasmBytes()
                .u8(Op.BLOCK).u8(Op.BLOCK_EMPTY)
                .u8(Op.LOOP).u8(Op.BLOCK_EMPTY)
                .u8(Op.LOCAL_GET).u32(0).u8(Op.LOCAL_GET).u32(1).u8(Op.I32_ADD).bytes(Op.I32_LOAD8_U, 0, 0)
                .u8(Op.I32_EQZ).u8(Op.BR_IF).u32(1)
                .u8(Op.LOCAL_GET).u32(1).u8(Op.I32_CONST).s64(1).u8(Op.I32_ADD).u8(Op.LOCAL_SET).u32(1)
                .u8(Op.BR).u32(0)
                .u8(Op.END)
                .u8(Op.END)
                .u8(Op.LOCAL_GET).u32(1)
                .toBytes();
    }
}
