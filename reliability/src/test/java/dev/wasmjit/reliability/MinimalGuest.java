package dev.wasmjit.reliability;

import dev.wasmjit.bridge.GuestMemory;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.wasm.ConstExpr;
import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.ModuleSections.Code;
import dev.wasmjit.wasm.ModuleSections.ExportEntry;
import dev.wasmjit.wasm.ModuleSections.ExternKind;
import dev.wasmjit.wasm.ModuleSections.FuncType;
import dev.wasmjit.wasm.ModuleSections.FunctionImport;
import dev.wasmjit.wasm.ModuleSections.Global;
import dev.wasmjit.wasm.ModuleSections.GlobalType;
import dev.wasmjit.wasm.ModuleSections.ImportEntry;
import dev.wasmjit.wasm.ModuleSections.Limits;
import dev.wasmjit.wasm.ModuleSections.Locals;
import dev.wasmjit.wasm.ModuleSections.MemoryType;
import dev.wasmjit.wasm.ModuleSections.TableType;
import dev.wasmjit.wasm.ModuleWriter;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.ValueType;
import dev.wasmjit.wasm.WasmOutput;

import java.util.ArrayList;
import java.util.List;

import static dev.wasmjit.wasm.ValueType.I32;

/**
 * A small module with the core guest ABI whose {@code jitModule} hands back whatever module
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
        ModuleSections module = new ModuleSections();
        module.types.addAll(List.of(
                new FuncType(List.of(I32), List.of(I32)),
                new FuncType(List.of(I32, I32), List.of()),
                new FuncType(List.of(), List.of(I32)),
                new FuncType(List.of(I32), List.of()),
                new FuncType(List.of(), List.of()),
                new FuncType(List.of(I32, I32), List.of(I32))));
        for (String[] anImport : layout.extraImports) {
            module.imports.add(new ImportEntry(anImport[0], anImport[1], new FunctionImport(TYPE_VOID_VOID)));
        }
        int imported = layout.extraImports.size();
        for (int type : FUNCTION_TYPES) {
            module.functions.add(type);
        }
        for (int i = 0; i < layout.extraFunctions.size(); i++) {
            module.functions.add(TYPE_I32I32_I32);
        }
        module.tables.add(new TableType(ValueType.FUNCREF, new Limits(layout.tableSlots, -1, false)));
        module.memories.add(new MemoryType(new Limits(layout.memoryMinPages, layout.memoryMaxPages, false), false));
        module.globals.add(new Global(new GlobalType(I32, true), ConstExpr.of(I32, 0)));
        module.exports.add(new ExportEntry("memory", ExternKind.MEMORY, 0));
        module.exports.add(new ExportEntry("__indirect_function_table", ExternKind.TABLE, 0));
        for (int i = 0; i < FUNCTIONS.size(); i++) {
            if (!FUNCTIONS.get(i).equals(layout.omittedExport)) {
                module.exports.add(new ExportEntry(FUNCTIONS.get(i), ExternKind.FUNCTION, imported + i));
            }
        }
        if (layout.exportsStart) {
            module.exports.add(new ExportEntry("_start", ExternKind.FUNCTION, imported + FUNCTIONS.indexOf("_initialize")));
        }
        List<Locals> none = List.of();
        List<Code> codes = module.codes;
        codes.add(code(List.of(new Locals(1, I32)), parseCode()));
        codes.add(code(List.of(new Locals(2, I32)), new WasmOutput().bytes(layout.evalPrelude)
                .opcode(Opcode.LOCAL_GET).u32(0).opcode(Opcode.I32_CONST).s64(2).opcode(Opcode.I32_MUL)
                .opcode(Opcode.GLOBAL_SET).u32(0)));
        codes.add(code(none, new WasmOutput()
                .opcode(Opcode.I32_CONST).s64(SIZE_ADDRESS).opcode(Opcode.I32_LOAD).u32(2).u32(0)
                .opcode(Opcode.I32_CONST).s64(0).opcode(Opcode.I32_NE)));
        codes.add(code(none, new WasmOutput().opcode(Opcode.I32_CONST).s64(MODULE_ADDRESS)));
        codes.add(code(none, new WasmOutput()
                .opcode(Opcode.I32_CONST).s64(SIZE_ADDRESS).opcode(Opcode.I32_LOAD).u32(2).u32(0)));
        // the module is handed over once, as the real guest frees it
        codes.add(code(none, new WasmOutput()
                .opcode(Opcode.I32_CONST).s64(SIZE_ADDRESS).opcode(Opcode.I32_CONST).s64(0)
                .opcode(Opcode.I32_STORE).u32(2).u32(0)));
        codes.add(code(none, new WasmOutput()
                .opcode(Opcode.LOCAL_GET).u32(0).opcode(Opcode.I32_CONST).s64(TEXT_LIMIT).opcode(Opcode.I32_LE_U)
                .opcode(Opcode.IF).u8(I32.code()).opcode(Opcode.I32_CONST).s64(TEXT_ADDRESS)
                .opcode(Opcode.ELSE).opcode(Opcode.I32_CONST).s64(0).opcode(Opcode.END)));
        codes.add(code(none, new WasmOutput()));
        codes.add(code(none, new WasmOutput().opcode(Opcode.I32_CONST).s64(1)));
        codes.add(code(none, new WasmOutput().opcode(Opcode.GLOBAL_GET).u32(0)));
        codes.add(code(List.of(new Locals(4, I32)), new WasmOutput().bytes(layout.initialize)));
        for (byte[] extra : layout.extraFunctions) {
            codes.add(code(List.of(new Locals(2, I32)), new WasmOutput().bytes(extra)));
        }
        return ModuleWriter.write(module);
    }

    /** A function body: its locals, and its code followed by {@code end}. */
    static Code code(List<Locals> locals, WasmOutput code) {
        return new Code(locals, code.opcode(Opcode.END).toByteArray());
    }

    /** The length of the NUL-terminated text at local 0, counted in local 1. */
    private static WasmOutput parseCode() {
        return new WasmOutput()
                .opcode(Opcode.BLOCK).u8(Opcode.EMPTY_BLOCK_TYPE)
                .opcode(Opcode.LOOP).u8(Opcode.EMPTY_BLOCK_TYPE)
                .opcode(Opcode.LOCAL_GET).u32(0).opcode(Opcode.LOCAL_GET).u32(1).opcode(Opcode.I32_ADD)
                .opcode(Opcode.I32_LOAD8_U).u32(0).u32(0)
                .opcode(Opcode.I32_EQZ).opcode(Opcode.BR_IF).u32(1)
                .opcode(Opcode.LOCAL_GET).u32(1).opcode(Opcode.I32_CONST).s64(1).opcode(Opcode.I32_ADD)
                .opcode(Opcode.LOCAL_SET).u32(1)
                .opcode(Opcode.BR).u32(0)
                .opcode(Opcode.END)
                .opcode(Opcode.END)
                .opcode(Opcode.LOCAL_GET).u32(1);
    }
}
