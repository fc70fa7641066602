package dev.wasmjit.wasm;

import java.util.List;

/** Constant expressions: writing a value as one, and reading an offset back from one. */
public final class ConstExpr {

    private ConstExpr() {
    }

    /**
     * An encoded constant expression producing a number.
     *
     * @param type the number's type: i32, i64, f32 or f64
     * @param bits the value, or a float's raw bits
     * @return the expression's bytes, ending with {@code end}
     * @throws WasmFormatException if {@code type} is not a number type
     */
    public static byte[] of(ValueType type, long bits) {
        WasmOutput out = new WasmOutput();
        switch (type) {
            case I32 -> out.opcode(Opcode.I32_CONST).s64((int) bits);
            case I64 -> out.opcode(Opcode.I64_CONST).s64(bits);
            case F32 -> out.opcode(Opcode.F32_CONST).fixed32((int) bits);
            case F64 -> out.opcode(Opcode.F64_CONST).fixed64(bits);
            default -> throw new WasmFormatException("no constant of type " + type);
        }
        return out.opcode(Opcode.END).toByteArray();
    }

    /**
     * The value of an offset expression that is a plain {@code i32.const}: the only form a
     * module that imports no globals can use.
     *
     * @param expression the encoded expression
     * @param context    names the expression in the message
     * @return the offset
     * @throws WasmFormatException if the expression is anything else
     */
    public static int i32Value(byte[] expression, String context) {
        List<Instruction> instructions = InstructionReader.readAll(expression, context);
        if (instructions.size() != 2 || instructions.get(0).opcode() != Opcode.I32_CONST) {
            throw new WasmFormatException(context + ": offset is not a plain i32.const");
        }
        return (int) instructions.get(0).immediate();
    }
}
