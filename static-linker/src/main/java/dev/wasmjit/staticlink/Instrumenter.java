package dev.wasmjit.staticlink;

import dev.wasmjit.staticlink.InstrumentedModule.GlobalProbe;
import dev.wasmjit.wasm.ModuleReader;
import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.ModuleSections.Code;
import dev.wasmjit.wasm.ModuleSections.ExportEntry;
import dev.wasmjit.wasm.ModuleSections.ExternKind;
import dev.wasmjit.wasm.ModuleSections.FuncType;
import dev.wasmjit.wasm.ModuleSections.Global;
import dev.wasmjit.wasm.ModuleWriter;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.ValueType;
import dev.wasmjit.wasm.WasmFormatException;
import dev.wasmjit.wasm.WasmOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase one of static linking, as in Wizer: make the main module's hidden state readable from
 * outside. A C/C++ module keeps {@code __stack_pointer} and friends in unexported globals, and
 * wasmtime-java cannot read a table's size, so this adds an exported getter per defined global
 * and one for table 0's size. Nothing else changes: memory layout, every index and every
 * existing export stay as they are, so a snapshot of the instrumented instance applies to the
 * original module.
 */
final class Instrumenter {

    private Instrumenter() {
    }

    /**
     * The instrumented module. Throws {@link WasmFormatException} if the module already has
     * exports with the instrumentation's names, or a mutable global of reference type (whose
     * value no host can read back as a constant).
     */
    static InstrumentedModule instrument(byte[] mainModule) {
        ModuleSections module = ModuleReader.read(mainModule);
        for (ExportEntry export : module.exports) {
            if (export.name().startsWith(InstrumentedModule.GLOBAL_EXPORT_PREFIX)
                    || export.name().equals(InstrumentedModule.TABLE_SIZE_EXPORT)) {
                throw new WasmFormatException("module is already instrumented: it exports " + export.name());
            }
        }
        List<GlobalProbe> probes = new ArrayList<>();
        int firstDefined = module.importCount(ExternKind.GLOBAL);
        for (int i = 0; i < module.globals.size(); i++) {
            Global global = module.globals.get(i);
            int index = firstDefined + i;
            ValueType type = global.type().type();
            if (type.isReference() || type == ValueType.V128) {
                if (global.type().mutable()) {
                    throw new WasmFormatException("global " + index + " is a mutable " + type
                            + "; its value cannot be snapshotted");
                }
                continue;
            }
            String name = InstrumentedModule.GLOBAL_EXPORT_PREFIX + index;
            addGetter(module, name, bitsType(type), globalGetter(index, type));
            probes.add(new GlobalProbe(index, type, name));
        }
        boolean hasTable = module.indexSpaceSize(ExternKind.TABLE) > 0;
        if (hasTable) {
            byte[] body = new WasmOutput()
                    .u8(Opcode.PREFIX_FC_BYTE).u32(Opcode.TABLE_SIZE.code()).u32(0)
                    .u8(Opcode.END.code()).toByteArray();
            addGetter(module, InstrumentedModule.TABLE_SIZE_EXPORT, ValueType.I32, body);
        }
        return new InstrumentedModule(ModuleWriter.write(module), List.copyOf(probes), hasTable);
    }

    /** The integer type a global's bits are returned as. */
    private static ValueType bitsType(ValueType type) {
        return type == ValueType.I32 || type == ValueType.F32 ? ValueType.I32 : ValueType.I64;
    }

    private static byte[] globalGetter(int globalIndex, ValueType type) {
        WasmOutput body = new WasmOutput().u8(Opcode.GLOBAL_GET.code()).u32(globalIndex);
        if (type == ValueType.F32) {
            body.u8(Opcode.I32_REINTERPRET_F32.code());
        } else if (type == ValueType.F64) {
            body.u8(Opcode.I64_REINTERPRET_F64.code());
        }
        return body.u8(Opcode.END.code()).toByteArray();
    }

    private static void addGetter(ModuleSections module, String exportName, ValueType result, byte[] body) {
        int typeIndex = module.internType(new FuncType(List.of(), List.of(result)));
        int functionIndex = module.indexSpaceSize(ExternKind.FUNCTION);
        module.functions.add(typeIndex);
        module.codes.add(new Code(List.of(), body));
        module.exports.add(new ExportEntry(exportName, ExternKind.FUNCTION, functionIndex));
    }
}
