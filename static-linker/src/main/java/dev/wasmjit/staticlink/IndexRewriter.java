package dev.wasmjit.staticlink;

import dev.wasmjit.wasm.Immediate;
import dev.wasmjit.wasm.IndexSpace;
import dev.wasmjit.wasm.Instruction;
import dev.wasmjit.wasm.Instruction.Operand;
import dev.wasmjit.wasm.InstructionReader;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.WasmOutput;

/**
 * Renumbers the type, function, table, global, element and data indices in an expression,
 * as linking one module into another requires. Everything else is copied byte for byte;
 * a changed index is re-encoded in its shortest form.
 */
final class IndexRewriter {

    /** Where an index of some space goes in the linked module. */
    @FunctionalInterface
    interface IndexMap {
        /** The new index for {@code index} in {@code space}. */
        int map(IndexSpace space, int index);
    }

    private IndexRewriter() {
    }

    /** The expression with every index passed through {@code map}; {@code context} names it in errors. */
    static byte[] rewrite(byte[] expression, IndexMap map, String context) {
        WasmOutput out = new WasmOutput();
        int copied = 0;
        InstructionReader reader = new InstructionReader(expression, context);
        while (reader.hasNext()) {
            Instruction instruction = reader.next();
            for (Operand operand : instruction.operands()) {
                IndexSpace space = operand.kind().space();
                if (space == null) {
                    continue;
                }
                int index = (int) operand.value();
                int mapped = map.map(space, index);
                if (mapped != index) {
                    out.bytes(expression, copied, operand.start());
                    if (operand.kind() == Immediate.TYPE && isBlock(instruction.opcode())) {
                        out.s64(mapped);
                    } else {
                        out.u32(mapped);
                    }
                    copied = operand.end();
                }
            }
        }
        reader.requireFullyRead();
        out.bytes(expression, copied, expression.length);
        return out.toByteArray();
    }

    /** A block's type index is encoded signed (it shares the s33 with value types); call_indirect's unsigned. */
    private static boolean isBlock(Opcode opcode) {
        return opcode == Opcode.BLOCK || opcode == Opcode.LOOP || opcode == Opcode.IF;
    }
}
