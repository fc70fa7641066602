package dev.wasmjit.wasm;

import dev.wasmjit.wasm.Instruction.Operand;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an expression (a function body's instructions, or a constant expression) one
 * instruction at a time, up to and including the {@code end} that closes it. It knows every
 * immediate's encoding, so any code is walked exactly; an opcode outside {@link Opcode}
 * stops the walk with an error naming it, its offset and {@code context}.
 */
public final class InstructionReader {
    private static final int PREFIX_SIMD = 0xFD;
    private static final int PREFIX_THREADS = 0xFE;
    private static final int EMPTY_BLOCK_TYPE = -64;

    private final WasmInput in;
    private final String context;
    private int depth = 1;

    /**
     * A walk over the expression that starts at {@code bytes[start]}; it may not run past
     * {@code end}.
     *
     * @param bytes   the array; offsets in instructions and messages are indices into it
     * @param start   the first instruction's offset
     * @param end     the offset the walk may not pass
     * @param context names the expression in messages, such as {@code "function 3"}
     */
    public InstructionReader(byte[] bytes, int start, int end, String context) {
        this.in = new WasmInput(bytes, start, end);
        this.context = context;
    }

    /**
     * A walk over a whole encoded expression.
     *
     * @param expression the expression's bytes
     * @param context    names the expression in messages
     */
    public InstructionReader(byte[] expression, String context) {
        this(expression, 0, expression.length, context);
    }

    /**
     * All instructions of a whole encoded expression.
     *
     * @param expression the expression's bytes
     * @param context    names the expression in messages
     * @return its instructions, the closing {@code end} included
     * @throws WasmFormatException if an instruction is malformed or unknown, or the expression
     *                             does not end exactly at its last byte
     */
    public static List<Instruction> readAll(byte[] expression, String context) {
        InstructionReader reader = new InstructionReader(expression, context);
        List<Instruction> all = new ArrayList<>();
        while (reader.hasNext()) {
            all.add(reader.next());
        }
        reader.requireFullyRead();
        return all;
    }

    /**
     * Whether the walk goes on.
     *
     * @return false once the closing {@code end} has been read
     */
    public boolean hasNext() {
        return depth > 0;
    }

    /**
     * Checks that the walk is over and used every byte.
     *
     * @throws WasmFormatException unless the closing {@code end} was the range's last byte
     */
    public void requireFullyRead() {
        if (depth > 0) {
            throw new WasmFormatException(context + ": expression has no closing end");
        }
        if (!in.atEnd()) {
            throw new WasmFormatException(context + ": bytes after the closing end at offset " + in.position());
        }
    }

    /**
     * Decodes the next instruction.
     *
     * @return the instruction
     * @throws WasmFormatException if it is malformed, unknown, runs past the end, or the walk is over
     */
    public Instruction next() {
        if (depth == 0) {
            throw new WasmFormatException(context + ": read past the closing end at offset " + in.position());
        }
        int start = in.position();
        if (in.atEnd()) {
            throw new WasmFormatException(context + ": expression ends at offset " + start + " without its end");
        }
        Opcode op = opcodeAt(start);
        List<Operand> operands = new ArrayList<>(op.immediates().size());
        for (Immediate kind : op.immediates()) {
            readImmediate(kind, operands);
        }
        switch (op) {
            case BLOCK, LOOP, IF -> depth++;
            case END -> depth--;
            default -> {
            }
        }
        return new Instruction(op, start, in.position(), operands);
    }

    private Opcode opcodeAt(int start) {
        int code = in.u8();
        Opcode op;
        if (code == Opcode.PREFIX_FC_BYTE) {
            int sub = in.u32();
            op = Opcode.prefixedFc(sub);
            if (op == null) {
                throw unsupported(String.format("0xfc %d", sub), start);
            }
        } else {
            op = Opcode.singleByte(code);
            if (op == null) {
                String what = String.format("0x%02x", code);
                if (code == PREFIX_SIMD) {
                    what += " (SIMD)";
                } else if (code == PREFIX_THREADS) {
                    what += " (threads)";
                }
                throw unsupported(what, start);
            }
        }
        return op;
    }

    private void readImmediate(Immediate kind, List<Operand> operands) {
        int start = in.position();
        switch (kind) {
            case BLOCK_TYPE -> {
                long type = in.s33();
                if (type >= 0) {
                    operands.add(new Operand(Immediate.TYPE, type, start, in.position()));
                    return;
                }
                if (type != EMPTY_BLOCK_TYPE) {
                    ValueType.of((int) (type & 0x7F), start);
                }
                operands.add(new Operand(kind, type, start, in.position()));
            }
            case LABEL_VECTOR -> {
                int count = in.count("br_table label");
                for (int i = 0; i < count; i++) {
                    in.u32();
                }
                operands.add(new Operand(kind, count, start, in.position()));
            }
            case VALTYPE_VECTOR -> {
                int count = in.count("select type");
                for (int i = 0; i < count; i++) {
                    ValueType.of(in.u8(), in.position() - 1);
                }
                operands.add(new Operand(kind, count, start, in.position()));
            }
            case REF_TYPE -> {
                ValueType type = ValueType.of(in.u8(), start);
                if (!type.isReference()) {
                    throw new WasmFormatException(context + ": " + type + " is not a reference type at offset " + start);
                }
                operands.add(new Operand(kind, type.code(), start, in.position()));
            }
            case MEMARG -> readMemarg(operands);
            case I32 -> operands.add(new Operand(kind, in.s32(), start, in.position()));
            case I64 -> operands.add(new Operand(kind, in.s64(), start, in.position()));
            case F32 -> operands.add(new Operand(kind, in.fixed32(), start, in.position()));
            case F64 -> operands.add(new Operand(kind, in.fixed64(), start, in.position()));
            default -> operands.add(new Operand(kind, Integer.toUnsignedLong(in.u32()), start, in.position()));
        }
    }

    private void readMemarg(List<Operand> operands) {
        int start = in.position();
        int align = in.u32();
        // Bit 6 of the alignment says a memory index follows (multi-memory).
        if ((align & 0x40) != 0) {
            int memoryStart = in.position();
            int memory = in.u32();
            operands.add(new Operand(Immediate.MEMORY, memory, memoryStart, in.position()));
        }
        long offset = in.u64();
        operands.add(0, new Operand(Immediate.MEMARG, offset, start, in.position()));
    }

    private WasmFormatException unsupported(String what, int offset) {
        return new WasmFormatException(context + ": unsupported opcode " + what + " at offset " + offset);
    }
}
