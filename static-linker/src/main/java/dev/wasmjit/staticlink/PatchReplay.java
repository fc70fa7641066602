package dev.wasmjit.staticlink;

import dev.wasmjit.bridge.WasmEngine;
import dev.wasmjit.wasm.ConstExpr;
import dev.wasmjit.wasm.Instruction;
import dev.wasmjit.wasm.Instruction.Operand;
import dev.wasmjit.wasm.InstructionReader;
import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.ModuleSections.Element;
import dev.wasmjit.wasm.ModuleSections.ExternKind;
import dev.wasmjit.wasm.ModuleSections.ImportEntry;
import dev.wasmjit.wasm.ModuleSections.Locals;
import dev.wasmjit.wasm.ModuleSections.SegmentMode;
import dev.wasmjit.wasm.ModuleSections.TableType;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.WasmFormatException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out which generated function a patch put in which table slot, by replaying the
 * generated module's instantiation: its active element segments, then its start function.
 * The live table cannot be read (wasmtime-java has no table access, and a funcref would not say
 * which function it is anyway), but the patch is straight-line code over constants and the
 * table's size, so replaying it from the size the table had before gives exactly what the
 * instance did. Memory writes are skipped: their effect is already in the memory snapshot.
 * An {@code if} on a known value is followed (a patch checks that {@code table.grow} did not
 * fail); a patch that loops, branches, calls or reads memory is refused with the instruction
 * named.
 */
final class PatchReplay {
    private static final Object NULL_REF = new Object();

    /** A function reference produced by {@code ref.func}. */
    private record FunctionRef(int function) {
    }

    private final ModuleSections generated;
    private final int tableIndex;
    private final Map<Integer, Integer> slots = new HashMap<>();
    private int tableSize;

    private PatchReplay(ModuleSections generated, int tableSizeBefore) {
        this.generated = generated;
        this.tableIndex = importedTableIndex(generated);
        this.tableSize = tableSizeBefore;
    }

    /** Replays {@code generated}'s instantiation against a table 0 of size {@code tableSizeBefore}. */
    static TableSlots replay(ModuleSections generated, int tableSizeBefore) {
        PatchReplay replay = new PatchReplay(generated, tableSizeBefore);
        replay.applyActiveElements();
        if (generated.start >= 0) {
            replay.runStart();
        }
        return new TableSlots(tableSizeBefore, replay.tableSize, Map.copyOf(replay.slots));
    }

    /**
     * Replays modules linked one after another, in that order, into a table whose size is now
     * {@code tableSizeNow}: each module's starting size is worked back from the sizes its
     * successors grew the table by. This holds when nothing but these patches grew the table
     * since the first of them.
     */
    static List<TableSlots> replayEndingAt(List<ModuleSections> generated, int tableSizeNow) {
        int size = tableSizeNow;
        List<TableSlots> reversed = new ArrayList<>();
        for (int i = generated.size() - 1; i >= 0; i--) {
            TableSlots probe = replay(generated.get(i), 0);
            int before = size - probe.sizeAfter();
            if (before < 0) {
                throw new WasmFormatException("generated module " + i + " grows the table by " + probe.sizeAfter()
                        + " but the table has only " + size + " slots");
            }
            reversed.add(0, replay(generated.get(i), before));
            size = before;
        }
        return reversed;
    }

    /** Table imports come first in the table index space, so the imported table is table 0. */
    private static int importedTableIndex(ModuleSections generated) {
        for (ImportEntry imp : generated.imports) {
            if (imp.type() instanceof TableType) {
                return 0;
            }
        }
        return -1;
    }

    private void applyActiveElements() {
        for (int i = 0; i < generated.elements.size(); i++) {
            Element element = generated.elements.get(i);
            if (element.mode() != SegmentMode.ACTIVE) {
                continue;
            }
            requireMainTable(element.tableIndex(), "active element segment " + i);
            int offset = ConstExpr.i32Value(element.offset(), "element segment " + i);
            for (int k = 0; k < element.size(); k++) {
                setSlot(offset + k, elementEntry(element, k, "element segment " + i));
            }
        }
    }

    private void runStart() {
        int firstDefined = generated.importCount(ExternKind.FUNCTION);
        int start = generated.start;
        if (start < firstDefined) {
            throw new WasmFormatException("the start function " + start + " is imported; it cannot be replayed");
        }
        String context = "start function " + start + " of the generated module";
        List<Object> locals = new ArrayList<>();
        for (Locals group : generated.codes.get(start - firstDefined).locals()) {
            for (int i = 0; i < group.count(); i++) {
                locals.add(group.type().isReference() ? NULL_REF : (Object) 0L);
            }
        }
        Deque<Object> stack = new ArrayDeque<>();
        byte[] body = generated.codes.get(start - firstDefined).instructions();
        List<Instruction> code = InstructionReader.readAll(body, context);
        int[] match = matchingElseOrEnd(code);
        for (int pc = 0; pc < code.size(); pc++) {
            Instruction in = code.get(pc);
            switch (in.opcode()) {
                case BLOCK -> {
                }
                case IF -> {
                    if (number(stack) == 0) {
                        pc = match[pc];
                    }
                }
                case ELSE -> pc = match[pc];
                case UNREACHABLE -> throw new WasmFormatException(context + ": replay reached unreachable at offset "
                        + in.start() + ", so the patch would have trapped");
                default -> execute(in, stack, locals, context);
            }
        }
    }

    /** For each {@code if} its {@code else} (or {@code end}), for each {@code else} its {@code end}. */
    private static int[] matchingElseOrEnd(List<Instruction> code) {
        int[] match = new int[code.size()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int pc = 0; pc < code.size(); pc++) {
            switch (code.get(pc).opcode()) {
                case BLOCK, LOOP, IF -> open.push(pc);
                case ELSE -> {
                    int ifAt = open.pop();
                    match[ifAt] = pc;
                    open.push(pc);
                }
                case END -> {
                    if (!open.isEmpty()) {
                        match[open.pop()] = pc;
                    }
                }
                default -> {
                }
            }
        }
        return match;
    }

    private void execute(Instruction in, Deque<Object> stack, List<Object> locals, String context) {
        List<Operand> ops = in.operands();
        switch (in.opcode()) {
            case NOP, END -> {
            }
            case DROP -> stack.pop();
            case I32_CONST, I64_CONST -> stack.push(ops.get(0).value());
            case LOCAL_GET -> stack.push(locals.get((int) in.immediate()));
            case LOCAL_SET -> locals.set((int) in.immediate(), stack.pop());
            case LOCAL_TEE -> locals.set((int) in.immediate(), stack.peek());
            case I32_ADD -> stack.push((long) (int) (number(stack) + number(stack)));
            case I32_MUL -> stack.push((long) (int) (number(stack) * number(stack)));
            case I32_SUB -> {
                long right = number(stack);
                stack.push((long) (int) (number(stack) - right));
            }
            case I64_ADD -> stack.push(number(stack) + number(stack));
            case I64_MUL -> stack.push(number(stack) * number(stack));
            case I64_SUB -> {
                long right = number(stack);
                stack.push(number(stack) - right);
            }
            case I32_EQ -> stack.push(number(stack) == number(stack) ? 1L : 0L);
            case I32_NE -> stack.push(number(stack) != number(stack) ? 1L : 0L);
            case I32_EQZ -> stack.push(number(stack) == 0 ? 1L : 0L);
            case I64_EXTEND_I32_U -> stack.push(number(stack) & 0xFFFFFFFFL);
            case I64_EXTEND_I32_S, I32_WRAP_I64 -> stack.push((long) (int) number(stack));
            case REF_NULL -> stack.push(NULL_REF);
            case REF_FUNC -> stack.push(new FunctionRef((int) in.immediate()));
            case TABLE_SIZE -> {
                requireMainTable((int) in.immediate(), context);
                stack.push((long) tableSize);
            }
            case TABLE_GROW -> {
                requireMainTable((int) in.immediate(), context);
                long delta = number(stack) & 0xFFFFFFFFL;
                Object init = stack.pop();
                if (tableSize + delta > WasmEngine.MAX_TABLE_SLOTS) {
                    // the live grow failed the same way: the bridge caps every table
                    stack.push(-1L);
                } else {
                    stack.push((long) tableSize);
                    for (int k = 0; k < delta; k++) {
                        setSlot(tableSize + k, init);
                    }
                    tableSize += (int) delta;
                }
            }
            case TABLE_SET -> {
                requireMainTable((int) in.immediate(), context);
                Object ref = stack.pop();
                setSlot((int) number(stack), ref);
            }
            case TABLE_FILL -> {
                requireMainTable((int) in.immediate(), context);
                int count = (int) number(stack);
                Object ref = stack.pop();
                int at = (int) number(stack);
                for (int k = 0; k < count; k++) {
                    setSlot(at + k, ref);
                }
            }
            case TABLE_INIT -> {
                requireMainTable((int) ops.get(1).value(), context);
                Element element = generated.elements.get((int) ops.get(0).value());
                int count = (int) number(stack);
                int from = (int) number(stack);
                int at = (int) number(stack);
                for (int k = 0; k < count; k++) {
                    setSlot(at + k, elementEntry(element, from + k, context));
                }
            }
            case ELEM_DROP, DATA_DROP -> {
            }
            case I32_STORE, I64_STORE, F32_STORE, F64_STORE, I32_STORE8, I32_STORE16,
                    I64_STORE8, I64_STORE16, I64_STORE32 -> {
                stack.pop();
                stack.pop();
            }
            case MEMORY_FILL, MEMORY_COPY, MEMORY_INIT -> {
                stack.pop();
                stack.pop();
                stack.pop();
            }
            default -> throw new WasmFormatException(context + ": " + in.opcode().text() + " at offset " + in.start()
                    + " cannot be replayed; a patch must be straight-line table and memory writes");
        }
    }

    private static long number(Deque<Object> stack) {
        Object value = stack.pop();
        if (!(value instanceof Long number)) {
            throw new WasmFormatException("patch replay expected a number on the stack, found a reference");
        }
        return number;
    }

    private Object elementEntry(Element element, int k, String context) {
        if (element.functions() != null) {
            return new FunctionRef(element.functions().get(k));
        }
        List<Instruction> expr = InstructionReader.readAll(element.expressions().get(k), context);
        Instruction first = expr.get(0);
        if (first.opcode() == Opcode.REF_FUNC) {
            return new FunctionRef((int) first.immediate());
        } else if (first.opcode() == Opcode.REF_NULL) {
            return NULL_REF;
        }
        throw new WasmFormatException(context + ": element expression " + first.opcode().text() + " cannot be replayed");
    }

    private void setSlot(int slot, Object ref) {
        if (ref instanceof FunctionRef function) {
            slots.put(slot, function.function());
        } else {
            slots.remove(slot);
        }
    }

    private void requireMainTable(int index, String context) {
        if (index != tableIndex) {
            throw new WasmFormatException(context + " uses table " + index
                    + ", not the imported __indirect_function_table");
        }
    }
}
