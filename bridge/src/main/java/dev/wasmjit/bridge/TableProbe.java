package dev.wasmjit.bridge;

import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.ModuleSections.FuncType;
import dev.wasmjit.wasm.ModuleSections.ImportEntry;
import dev.wasmjit.wasm.ModuleSections.Limits;
import dev.wasmjit.wasm.ModuleSections.TableType;
import dev.wasmjit.wasm.ModuleWriter;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.ValueType;
import dev.wasmjit.wasm.WasmOutput;
import java.util.List;

/**
 * A one-function module that imports a table and exports {@code size}, returning
 * {@code table.size}. wasmtime-java 0.19.0's {@code Table} has no methods, and a table extern
 * cannot be passed to an instance, but a module instantiated through the linker can import
 * the table by name and report its size.
 */
final class TableProbe {

    static final String NAMESPACE = "wasmjit:table-probe";
    static final String EXPORT = "size";

    private TableProbe() {
    }

    static byte[] bytes(String tableModule, String tableName) {
        ModuleSections module = new ModuleSections();
        module.imports.add(new ImportEntry(tableModule, tableName,
                new TableType(ValueType.FUNCREF, new Limits(0, -1, false))));
        byte[] body = new WasmOutput().opcode(Opcode.TABLE_SIZE).u32(0).opcode(Opcode.END).toByteArray();
        module.exportFunction(EXPORT, new FuncType(List.of(), List.of(ValueType.I32)), List.of(), body);
        return ModuleWriter.write(module);
    }
}
