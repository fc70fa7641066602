package dev.wasmjit.staticlink;

import java.util.List;

/**
 * One decoded instruction: its opcode, where its bytes lie ({@code start} inclusive,
 * {@code end} exclusive, as offsets into the array it was read from), and its immediates.
 */
record Instruction(Opcode opcode, int start, int end, List<Operand> operands) {

    /**
     * One immediate. {@code value} is the decoded number (an index, a constant, a float's raw
     * bits, a memarg's offset, a vector's length); {@code start}/{@code end} locate its bytes.
     * A block type that names a function type is reported with kind {@link Immediate#TYPE}.
     */
    record Operand(Immediate kind, long value, int start, int end) {
    }

    /** The value of the first immediate. */
    long immediate() {
        return operands.get(0).value();
    }
}
