package dev.wasmjit.wasm;

import java.util.List;

/**
 * One decoded instruction: its opcode, where its bytes lie, and its immediates.
 *
 * @param opcode   the instruction
 * @param start    the offset of its first byte in the array it was read from
 * @param end      the offset just past its last byte
 * @param operands its immediates, in encoding order
 */
public record Instruction(Opcode opcode, int start, int end, List<Operand> operands) {

    /**
     * One immediate. A block type that names a function type is reported with kind
     * {@link Immediate#TYPE}.
     *
     * @param kind  what the immediate is
     * @param value the decoded number: an index, a constant, a float's raw bits, a memarg's
     *              offset, a vector's length
     * @param start the offset of its first byte
     * @param end   the offset just past its last byte
     */
    public record Operand(Immediate kind, long value, int start, int end) {
    }

    /**
     * The value of the first immediate.
     *
     * @return its value
     * @throws IndexOutOfBoundsException if the instruction has no immediates
     */
    public long immediate() {
        return operands.get(0).value();
    }
}
