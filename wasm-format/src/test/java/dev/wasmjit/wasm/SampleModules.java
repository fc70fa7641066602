package dev.wasmjit.wasm;

import dev.wasmjit.wasm.ModuleSections.CustomSection;
import dev.wasmjit.wasm.ModuleSections.Data;
import dev.wasmjit.wasm.ModuleSections.Element;
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
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Modules built with the writer for the tests: one with something in every section. */
final class SampleModules {

    private SampleModules() {
    }

    /** (i32, i32) -> i32 */
    static final FuncType BINARY_I32 = new FuncType(List.of(ValueType.I32, ValueType.I32), List.of(ValueType.I32));

    /**
     * A module with every standard section, every import kind, every segment mode and a
     * custom section before and after the others. Canonically encoded, so that it reads back
     * to the same bytes.
     */
    static byte[] everySection() {
        ModuleSections module = new ModuleSections();
        module.imports.add(new ImportEntry("env", "log", new FunctionImport(module.internType(
                new FuncType(List.of(ValueType.I64), List.of())))));
        module.imports.add(new ImportEntry("env", "table", new TableType(ValueType.FUNCREF, new Limits(1, 10, false))));
        module.imports.add(new ImportEntry("env", "memory", new MemoryType(new Limits(1, -1, false), false)));
        module.imports.add(new ImportEntry("env", "g", new GlobalType(ValueType.F64, false)));
        module.tables.add(new TableType(ValueType.EXTERNREF, new Limits(0, -1, false)));
        module.memories.add(new MemoryType(new Limits(2, 65536, true), false));
        module.memories.add(new MemoryType(new Limits(1, -1, false), true));
        module.globals.add(new Global(new GlobalType(ValueType.I32, true), ConstExpr.of(ValueType.I32, -1)));
        module.globals.add(new Global(new GlobalType(ValueType.F32, false),
                ConstExpr.of(ValueType.F32, Float.floatToRawIntBits(1.5f))));
        int add = module.exportFunction("add", BINARY_I32, List.of(),
                new WasmOutput().opcode(Opcode.LOCAL_GET).u32(0).opcode(Opcode.LOCAL_GET).u32(1)
                        .opcode(Opcode.I32_ADD).opcode(Opcode.END).toByteArray());
        int loop = module.exportFunction("loop", new FuncType(List.of(), List.of()),
                List.of(new Locals(2, ValueType.I64), new Locals(1, ValueType.F64)),
                new WasmOutput().opcode(Opcode.BLOCK).u8(0x40).opcode(Opcode.LOOP).u8(0x40)
                        .opcode(Opcode.I32_CONST).s64(1).opcode(Opcode.BR_TABLE).u32(2).u32(0).u32(1).u32(1)
                        .opcode(Opcode.END).opcode(Opcode.END)
                        .opcode(Opcode.I32_CONST).s64(0).opcode(Opcode.DATA_DROP).u32(1)
                        .opcode(Opcode.MEMORY_SIZE).u8(0).opcode(Opcode.DROP).opcode(Opcode.DROP)
                        .opcode(Opcode.END).toByteArray());
        module.start = loop;
        module.elements.add(new Element(SegmentMode.ACTIVE, 0, ConstExpr.of(ValueType.I32, 0), ValueType.FUNCREF,
                List.of(add, add + 1), null));
        module.elements.add(new Element(SegmentMode.PASSIVE, 0, null, ValueType.FUNCREF, null,
                List.of(new WasmOutput().opcode(Opcode.REF_FUNC).u32(add).opcode(Opcode.END).toByteArray())));
        module.elements.add(new Element(SegmentMode.DECLARATIVE, 0, null, ValueType.FUNCREF, List.of(add), null));
        module.hasDataCount = true;
        module.datas.add(new Data(SegmentMode.ACTIVE, 0, ConstExpr.of(ValueType.I32, 1024),
                "hello".getBytes(StandardCharsets.UTF_8)));
        module.datas.add(new Data(SegmentMode.PASSIVE, 0, null, new byte[] {1, 2, 3}));
        module.datas.add(new Data(SegmentMode.ACTIVE, 2, ConstExpr.of(ValueType.I64, 8), new byte[0]));
        module.customSections.add(new CustomSection("first", new byte[] {9}, 0));
        module.customSections.add(new CustomSection("name", new byte[] {0, 1, 2}, 11));
        return ModuleWriter.write(module);
    }
}
