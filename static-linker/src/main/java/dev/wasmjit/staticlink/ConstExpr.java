package dev.wasmjit.staticlink;

import java.util.List;

/** Constant expressions: writing a value as one, and reading an offset back from one. */
final class ConstExpr {

    private ConstExpr() {
    }

    /** An encoded constant expression producing {@code bits} as a value of {@code type}. */
    static byte[] of(ValType type, long bits) {
        WasmOutput out = new WasmOutput();
        switch (type) {
            case I32 -> out.u8(Opcode.I32_CONST.code).s64((int) bits);
            case I64 -> out.u8(Opcode.I64_CONST.code).s64(bits);
            case F32 -> out.u8(Opcode.F32_CONST.code).fixed32((int) bits);
            case F64 -> out.u8(Opcode.F64_CONST.code).fixed64(bits);
            default -> throw new WasmFormatException("no constant of type " + type);
        }
        return out.u8(Opcode.END.code).toByteArray();
    }

    /**
     * The value of an offset expression that is a plain {@code i32.const}: the only form a
     * module that imports no globals can use. Anything else is an error naming {@code context}.
     */
    static int i32Value(byte[] expression, String context) {
        List<Instruction> instructions = InstructionReader.readAll(expression, context);
        if (instructions.size() != 2 || instructions.get(0).opcode() != Opcode.I32_CONST) {
            throw new WasmFormatException(context + ": offset is not a plain i32.const");
        }
        return (int) instructions.get(0).immediate();
    }
}
