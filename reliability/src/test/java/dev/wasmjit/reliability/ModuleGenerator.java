package dev.wasmjit.reliability;

import dev.wasmjit.reliability.WasmBytes.Op;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
        WasmBytes module = new WasmBytes().bytes(WasmBytes.HEADER);
        module.section(Op.SECTION_TYPE, new WasmBytes().vector(List.of(
                WasmBytes.functionType(new int[]{Op.I32, Op.I32}, new int[]{Op.I32}),
                WasmBytes.functionType(new int[0], new int[0]))).toBytes());
        List<byte[]> imports = new ArrayList<>();
        imports.add(new WasmBytes().name("env").name("memory").u8(Op.KIND_MEMORY).u8(0).u32(0).toBytes());
        imports.add(new WasmBytes().name("env").name("__indirect_function_table").u8(Op.KIND_TABLE)
                .u8(Op.FUNCREF).u8(0).u32(0).toBytes());
        if (random.nextInt(20) == 0) {
            // an import the instance does not have, or has with another kind
            imports.add(new WasmBytes().name("env").name(random.nextBoolean() ? "parse" : "nothing")
                    .u8(Op.KIND_FUNCTION).u32(1).toBytes());
        }
        module.section(Op.SECTION_IMPORT, new WasmBytes().vector(imports).toBytes());
        int importedFunctions = imports.size() - 2;
        List<byte[]> types = new ArrayList<>();
        for (int i = 0; i < functions; i++) {
            types.add(new WasmBytes().u32(0).toBytes());
        }
        types.add(new WasmBytes().u32(1).toBytes());
        module.section(Op.SECTION_FUNCTION, new WasmBytes().vector(types).toBytes());
        int patch = importedFunctions + functions;
        if (random.nextInt(4) == 0) {
            List<byte[]> exports = new ArrayList<>();
            exports.add(WasmBytes.export("compiled", Op.KIND_FUNCTION, importedFunctions + random.nextInt(functions)));
            module.section(Op.SECTION_EXPORT, new WasmBytes().vector(exports).toBytes());
        }
        if (random.nextInt(6) != 0) {
            module.section(Op.SECTION_START, new WasmBytes().u32(patch).toBytes());
        }
        WasmBytes declared = new WasmBytes().u32(1).u8(3).u8(0).u32(functions);
        for (int i = 0; i < functions; i++) {
            declared.u32(importedFunctions + i);
        }
        module.section(Op.SECTION_ELEMENT, declared.toBytes());
        List<byte[]> bodies = new ArrayList<>();
        firstCallable = importedFunctions;
        for (int i = 0; i < functions; i++) {
            callable = i;
            mayRecurse = true;
            bodies.add(WasmBytes.functionBody(List.of(new int[]{2, Op.I32}), function()));
        }
        callable = functions;
        mayRecurse = false;
        bodies.add(WasmBytes.functionBody(List.of(new int[]{LOCALS, Op.I32}), patchCode(importedFunctions, functions)));
        module.section(Op.SECTION_CODE, new WasmBytes().vector(bodies).toBytes());
        if (random.nextInt(8) == 0) {
            byte[] data = new byte[1 + random.nextInt(16)];
            random.nextBytes(data);
            module.section(Op.SECTION_DATA, new WasmBytes().u32(1).u8(0)
                    .u8(Op.I32_CONST).s64(address()).u8(Op.END).u32(data.length).bytes(data).toBytes());
        }
        return module.toBytes();
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
            layout.extraFunctions.add(function());
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
    private byte[] function() {
        WasmBytes code = new WasmBytes().bytes(statements(random.nextInt(4), 3));
        expression(code, 4);
        return code.toBytes();
    }

    /** The patch: grows the table, fills it, records the slots; sometimes runs a function too. */
    private byte[] patchCode(int firstFunction, int functions) {
        WasmBytes code = new WasmBytes();
        for (int i = 0; i < functions; i++) {
            int slot = 0;
            code.u8(Op.REF_FUNC).u32(firstFunction + i)
                    .u8(Op.I32_CONST).s64(random.nextInt(10) == 0 ? constant() : 1)
                    .u8(Op.PREFIX_FC).u32(Op.TABLE_GROW).u32(0)
                    .u8(Op.LOCAL_TEE).u32(slot)
                    .u8(Op.I32_CONST).s64(-1).u8(Op.I32_EQ)
                    .u8(Op.IF).u8(Op.BLOCK_EMPTY).u8(Op.UNREACHABLE).u8(Op.END)
                    .u8(Op.I32_CONST).s64(address()).u8(Op.LOCAL_GET).u32(slot).bytes(Op.I32_STORE, 2, 0);
        }
        if (random.nextInt(5) == 0) {
            code.bytes(statements(1 + random.nextInt(3), 2));
        }
        return code.toBytes();
    }

    private byte[] statements(int count, int depth) {
        WasmBytes code = new WasmBytes();
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    expression(code, depth);
                    expression(code, depth);
                    code.bytes(Op.I32_STORE, 2, 0);
                }
                case 2 -> {
                    expression(code, depth);
                    code.u8(Op.LOCAL_SET).u32(random.nextInt(LOCALS));
                }
                case 3 -> {
                    expression(code, depth);
                    code.u8(Op.IF).u8(Op.BLOCK_EMPTY).bytes(statements(1, depth - 1)).u8(Op.END);
                }
                default -> {
                    expression(code, depth);
                    code.u8(Op.DROP);
                }
            }
        }
        return code.toBytes();
    }

    /** Code that leaves one i32. */
    private void expression(WasmBytes code, int depth) {
        int choice = depth <= 0 ? random.nextInt(2) : random.nextInt(16);
        switch (choice) {
            case 0 -> code.u8(Op.I32_CONST).s64(constant());
            case 1 -> code.u8(Op.LOCAL_GET).u32(random.nextInt(LOCALS));
            case 2, 3, 4 -> {
                expression(code, depth - 1);
                expression(code, depth - 1);
                int[] binary = {Op.I32_ADD, Op.I32_SUB, Op.I32_MUL, Op.I32_DIV_S, Op.I32_REM_U, Op.I32_AND,
                    Op.I32_OR, Op.I32_XOR, Op.I32_SHL, Op.I32_SHR_U, Op.I32_EQ, Op.I32_LT_S};
                code.u8(binary[random.nextInt(binary.length)]);
            }
            case 5 -> {
                expression(code, depth - 1);
                int[] unary = {Op.I32_EQZ, Op.I32_CLZ, Op.I32_POPCNT};
                code.u8(unary[random.nextInt(unary.length)]);
            }
            case 6, 7 -> {
                expression(code, depth - 1);
                code.bytes(Op.I32_LOAD, 2).u32(random.nextInt(8) == 0 ? constant() & 0xffffffffL : random.nextInt(64));
            }
            case 8 -> {
                expression(code, depth - 1);
                code.u8(Op.IF).u8(Op.I32);
                expression(code, depth - 1);
                code.u8(Op.ELSE);
                expression(code, depth - 1);
                code.u8(Op.END);
            }
            case 9 -> {
                if (callable == 0 && !mayRecurse) {
                    code.u8(Op.MEMORY_SIZE).u8(0);
                } else {
                    expression(code, depth - 1);
                    expression(code, depth - 1);
                    // calls only earlier functions, except now and then itself: unbounded recursion
                    int callee = callable == 0 || mayRecurse && random.nextInt(30) == 0 ? callable : random.nextInt(callable);
                    code.u8(Op.CALL).u32(firstCallable + callee);
                }
            }
            case 10 -> {
                code.u8(Op.I32_CONST).s64(new int[]{0, 1, 16, 1024, 65536}[random.nextInt(5)]);
                code.u8(Op.MEMORY_GROW).u8(0);
            }
            case 11 -> code.u8(Op.PREFIX_FC).u32(Op.TABLE_SIZE).u32(0);
            case 12 -> {
                code.u8(Op.BLOCK).u8(Op.I32);
                expression(code, depth - 1);
                code.u8(Op.END);
            }
            case 13 -> {
                expression(code, depth - 1);
                code.u8(Op.LOCAL_TEE).u32(random.nextInt(LOCALS));
            }
            case 14 -> {
                if (random.nextInt(40) == 0) {
                    // for ever: only the deadline ends it
                    code.u8(Op.LOOP).u8(Op.I32).u8(Op.BR).u32(0).u8(Op.END);
                } else {
                    code.u8(Op.MEMORY_SIZE).u8(0);
                }
            }
            default -> {
                if (random.nextInt(10) == 0) {
                    code.u8(Op.UNREACHABLE);
                } else {
                    code.u8(Op.I32_CONST).s64(constant());
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
