package dev.wasmjit.reliability;

import dev.wasmjit.wasm.ConstExpr;
import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.ModuleSections.Data;
import dev.wasmjit.wasm.ModuleSections.Element;
import dev.wasmjit.wasm.ModuleSections.ExportEntry;
import dev.wasmjit.wasm.ModuleSections.ExternKind;
import dev.wasmjit.wasm.ModuleSections.FuncType;
import dev.wasmjit.wasm.ModuleSections.FunctionImport;
import dev.wasmjit.wasm.ModuleSections.ImportEntry;
import dev.wasmjit.wasm.ModuleSections.Limits;
import dev.wasmjit.wasm.ModuleSections.Locals;
import dev.wasmjit.wasm.ModuleSections.MemoryType;
import dev.wasmjit.wasm.ModuleSections.SegmentMode;
import dev.wasmjit.wasm.ModuleSections.TableType;
import dev.wasmjit.wasm.ModuleWriter;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.ValueType;
import dev.wasmjit.wasm.WasmOutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.wasmjit.wasm.ValueType.I32;

/**
 * Generates modules from their structure rather than their bytes, so that most of them are
 * valid and reach what comes after validation: instantiation, the patch, the guest ABI, the
 * static linker's replay. Two shapes:
 * <ul>
 *   <li>{@link #generatedCode}: shaped like the guest's generated modules: imports
 *       {@code env.memory} and {@code env.__indirect_function_table}, defines functions of
 *       random i32 code, and a start function (the patch) that grows the table, puts them in
 *       it and writes their slots into memory;</li>
 *   <li>{@link #guestVariant}: the {@link MinimalGuest} with other memory limits, imports,
 *       exports, and random code in {@code _initialize}, {@code eval} and extra functions.</li>
 * </ul>
 * The code is type-correct by construction, and may trap, divide by zero, grow memory, recurse
 * without end or, rarely, loop for ever: only a deadline ends that.
 */
final class ModuleGenerator {

    /** Locals of every generated function: two i32 parameters and two i32 locals. */
    private static final int LOCALS = 4;
    private static final int[] CONSTANTS = {0, 1, -1, 7, 16, 0x7fffffff, 0x80000000, 0xffff, 0x10000,
        0x1fffff, 0x200000, MinimalGuest.SIZE_ADDRESS, MinimalGuest.MODULE_ADDRESS};

    private final Random random;
    /** Functions the code being generated may call: those defined before it. */
    private int callable;
    private int firstCallable;
    /** Whether the code being generated is a function of type (i32 i32) -> i32, which may call itself. */
    private boolean mayRecurse;

    ModuleGenerator(Random random) {
        this.random = random;
    }

    /** A module shaped like the guest's generated code. */
    byte[] generatedCode() {
        int functions = 1 + random.nextInt(4);
        ModuleSections module = new ModuleSections();
        module.types.add(new FuncType(List.of(I32, I32), List.of(I32)));
        module.types.add(new FuncType(List.of(), List.of()));
        module.imports.add(new ImportEntry("env", "memory", new MemoryType(new Limits(0, -1, false), false)));
        module.imports.add(new ImportEntry("env", "__indirect_function_table",
                new TableType(ValueType.FUNCREF, new Limits(0, -1, false))));
        if (random.nextInt(20) == 0) {
            // an import the instance does not have, or has with another kind
            module.imports.add(new ImportEntry("env", random.nextBoolean() ? "parse" : "nothing", new FunctionImport(1)));
        }
        int importedFunctions = module.imports.size() - 2;
        for (int i = 0; i < functions; i++) {
            module.functions.add(0);
        }
        module.functions.add(1);
        int patch = importedFunctions + functions;
        if (random.nextInt(4) == 0) {
            module.exports.add(new ExportEntry("compiled", ExternKind.FUNCTION, importedFunctions + random.nextInt(functions)));
        }
        if (random.nextInt(6) != 0) {
            module.start = patch;
        }
        List<Integer> declared = new ArrayList<>();
        for (int i = 0; i < functions; i++) {
            declared.add(importedFunctions + i);
        }
        module.elements.add(new Element(SegmentMode.DECLARATIVE, 0, null, ValueType.FUNCREF, declared, null));
        firstCallable = importedFunctions;
        for (int i = 0; i < functions; i++) {
            callable = i;
            mayRecurse = true;
            module.codes.add(MinimalGuest.code(List.of(new Locals(2, I32)), function()));
        }
        callable = functions;
        mayRecurse = false;
        module.codes.add(MinimalGuest.code(List.of(new Locals(LOCALS, I32)), patchCode(importedFunctions, functions)));
        if (random.nextInt(8) == 0) {
            byte[] data = new byte[1 + random.nextInt(16)];
            random.nextBytes(data);
            module.datas.add(new Data(SegmentMode.ACTIVE, 0, ConstExpr.of(I32, address()), data));
        }
        return ModuleWriter.write(module);
    }

    /** A variant of the {@link MinimalGuest}. */
    byte[] guestVariant() {
        MinimalGuest.Layout layout = new MinimalGuest.Layout();
        switch (random.nextInt(12)) {
            case 0 -> layout.memoryMinPages = random.nextInt(3);
            case 1 -> {
                layout.memoryMinPages = random.nextInt(40);
                layout.memoryMaxPages = random.nextBoolean() ? layout.memoryMinPages : 65536;
            }
            case 2 -> layout.omittedExport = MinimalGuest.FUNCTIONS.get(random.nextInt(MinimalGuest.FUNCTIONS.size()));
            case 3 -> layout.exportsStart = true;
            case 4 -> layout.extraImports.add(random.nextBoolean()
                    ? new String[]{"env", "throw_error"} : new String[]{"env", "undefined_function"});
            case 5 -> layout.tableSlots = random.nextInt(3);
            default -> { }
        }
        firstCallable = layout.extraImports.size() + MinimalGuest.FUNCTIONS.size();
        int extra = random.nextInt(3);
        for (int i = 0; i < extra; i++) {
            callable = i;
            mayRecurse = true;
            layout.extraFunctions.add(function().toByteArray());
        }
        callable = extra;
        mayRecurse = false;
        if (random.nextInt(3) == 0) {
            layout.initialize = statements(2 + random.nextInt(4), 3);
        }
        if (random.nextInt(3) == 0) {
            layout.evalPrelude = statements(2 + random.nextInt(4), 3);
        }
        return MinimalGuest.assemble(layout);
    }

    /** A function body's code: statements, then the i32 it returns. */
    private WasmOutput function() {
        WasmOutput code = new WasmOutput().bytes(statements(random.nextInt(4), 3));
        expression(code, 4);
        return code;
    }

    /** The patch: grows the table, fills it, records the slots; sometimes runs a function too. */
    private WasmOutput patchCode(int firstFunction, int functions) {
        WasmOutput code = new WasmOutput();
        for (int i = 0; i < functions; i++) {
            int slot = 0;
            code.opcode(Opcode.REF_FUNC).u32(firstFunction + i)
                    .opcode(Opcode.I32_CONST).s64(random.nextInt(10) == 0 ? constant() : 1)
                    .opcode(Opcode.TABLE_GROW).u32(0)
                    .opcode(Opcode.LOCAL_TEE).u32(slot)
                    .opcode(Opcode.I32_CONST).s64(-1).opcode(Opcode.I32_EQ)
                    .opcode(Opcode.IF).u8(Opcode.EMPTY_BLOCK_TYPE).opcode(Opcode.UNREACHABLE).opcode(Opcode.END)
                    .opcode(Opcode.I32_CONST).s64(address()).opcode(Opcode.LOCAL_GET).u32(slot).opcode(Opcode.I32_STORE).u32(2).u32(0);
        }
        if (random.nextInt(5) == 0) {
            code.bytes(statements(1 + random.nextInt(3), 2));
        }
        return code;
    }

    private byte[] statements(int count, int depth) {
        WasmOutput code = new WasmOutput();
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    expression(code, depth);
                    expression(code, depth);
                    code.opcode(Opcode.I32_STORE).u32(2).u32(0);
                }
                case 2 -> {
                    expression(code, depth);
                    code.opcode(Opcode.LOCAL_SET).u32(random.nextInt(LOCALS));
                }
                case 3 -> {
                    expression(code, depth);
                    code.opcode(Opcode.IF).u8(Opcode.EMPTY_BLOCK_TYPE).bytes(statements(1, depth - 1)).opcode(Opcode.END);
                }
                default -> {
                    expression(code, depth);
                    code.opcode(Opcode.DROP);
                }
            }
        }
        return code.toByteArray();
    }

    /** Code that leaves one i32. */
    private void expression(WasmOutput code, int depth) {
        int choice = depth <= 0 ? random.nextInt(2) : random.nextInt(16);
        switch (choice) {
            case 0 -> code.opcode(Opcode.I32_CONST).s64(constant());
            case 1 -> code.opcode(Opcode.LOCAL_GET).u32(random.nextInt(LOCALS));
            case 2, 3, 4 -> {
                expression(code, depth - 1);
                expression(code, depth - 1);
                Opcode[] binary = {Opcode.I32_ADD, Opcode.I32_SUB, Opcode.I32_MUL, Opcode.I32_DIV_S, Opcode.I32_REM_U, Opcode.I32_AND,
                    Opcode.I32_OR, Opcode.I32_XOR, Opcode.I32_SHL, Opcode.I32_SHR_U, Opcode.I32_EQ, Opcode.I32_LT_S};
                code.opcode(binary[random.nextInt(binary.length)]);
            }
            case 5 -> {
                expression(code, depth - 1);
                Opcode[] unary = {Opcode.I32_EQZ, Opcode.I32_CLZ, Opcode.I32_POPCNT};
                code.opcode(unary[random.nextInt(unary.length)]);
            }
            case 6, 7 -> {
                expression(code, depth - 1);
                code.opcode(Opcode.I32_LOAD).u32(2).u32(random.nextInt(8) == 0 ? constant() : random.nextInt(64));
            }
            case 8 -> {
                expression(code, depth - 1);
                code.opcode(Opcode.IF).u8(I32.code());
                expression(code, depth - 1);
                code.opcode(Opcode.ELSE);
                expression(code, depth - 1);
                code.opcode(Opcode.END);
            }
            case 9 -> {
                if (callable == 0 && !mayRecurse) {
                    code.opcode(Opcode.MEMORY_SIZE).u8(0);
                } else {
                    expression(code, depth - 1);
                    expression(code, depth - 1);
                    // calls only earlier functions, except now and then itself: unbounded recursion
                    int callee = callable == 0 || mayRecurse && random.nextInt(30) == 0 ? callable : random.nextInt(callable);
                    code.opcode(Opcode.CALL).u32(firstCallable + callee);
                }
            }
            case 10 -> {
                code.opcode(Opcode.I32_CONST).s64(new int[]{0, 1, 16, 1024, 65536}[random.nextInt(5)]);
                code.opcode(Opcode.MEMORY_GROW).u8(0);
            }
            case 11 -> code.opcode(Opcode.TABLE_SIZE).u32(0);
            case 12 -> {
                code.opcode(Opcode.BLOCK).u8(I32.code());
                expression(code, depth - 1);
                code.opcode(Opcode.END);
            }
            case 13 -> {
                expression(code, depth - 1);
                code.opcode(Opcode.LOCAL_TEE).u32(random.nextInt(LOCALS));
            }
            case 14 -> {
                if (random.nextInt(40) == 0) {
                    // for ever: only the deadline ends it
                    code.opcode(Opcode.LOOP).u8(I32.code()).opcode(Opcode.BR).u32(0).opcode(Opcode.END);
                } else {
                    code.opcode(Opcode.MEMORY_SIZE).u8(0);
                }
            }
            default -> {
                if (random.nextInt(10) == 0) {
                    code.opcode(Opcode.UNREACHABLE);
                } else {
                    code.opcode(Opcode.I32_CONST).s64(constant());
                }
            }
        }
    }

    private int constant() {
        return random.nextInt(3) == 0 ? random.nextInt() : CONSTANTS[random.nextInt(CONSTANTS.length)];
    }

    /** Mostly inside the guest's 2 MiB, past its module area; now and then anywhere. */
    private int address() {
        return random.nextInt(10) == 0 ? constant() : 0x100000 + 4 * random.nextInt(0x40000);
    }
}
