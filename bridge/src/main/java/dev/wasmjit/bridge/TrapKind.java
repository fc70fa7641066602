package dev.wasmjit.bridge;

/**
 * Why a call was aborted: a wasm trap, or a limit of the guest's that it enforces itself
 * before the wasm runtime's own limit would be reached. A caller may rely on one kind per
 * limit whichever layer noticed it: {@link #STACK_OVERFLOW} for too deep recursion,
 * {@link #OUT_OF_MEMORY} for an exhausted heap, {@link #TIMEOUT} for a passed deadline.
 */
public enum TrapKind {
    /**
     * Too deep recursion: the wasm stack limit was reached, or the guest refused to nest
     * calls deeper than it allows (the Scheme guest's {@code recursion too deep}).
     */
    STACK_OVERFLOW("stack overflow"),
    /** A memory access outside linear memory; also a shadow-stack overflow in a stack-first guest. */
    MEMORY_OUT_OF_BOUNDS("out-of-bounds memory access"),
    /** A table access outside the table. */
    TABLE_OUT_OF_BOUNDS("out-of-bounds table access"),
    /** An indirect call through an empty table slot. */
    INDIRECT_CALL_TO_NULL("indirect call to a null table entry"),
    /** An indirect call whose signature does not match the callee's. */
    BAD_SIGNATURE("indirect call signature mismatch"),
    /** An {@code unreachable} instruction ran. */
    UNREACHABLE("unreachable code reached"),
    /** Integer overflow in a wasm instruction (such as i32.div_s of MIN by -1). */
    INTEGER_OVERFLOW("integer overflow"),
    /** Integer division by zero. */
    INTEGER_DIVISION_BY_ZERO("integer division by zero"),
    /** A float to integer conversion out of range. */
    BAD_CONVERSION_TO_INTEGER("invalid conversion to integer"),
    /**
     * The guest ran out of memory: its heap is exhausted or could not be allocated, or memory
     * outside it ran out (the Scheme guest's {@code heap exhausted}, {@code cannot allocate a
     * heap} and {@code out of memory}).
     */
    OUT_OF_MEMORY("out of memory"),
    /** The call's wall-clock deadline passed (epoch interruption). */
    TIMEOUT("deadline exceeded"),
    /** The call was stopped by {@link ReactorInstance#interrupt()} (epoch interruption too). */
    INTERRUPTED("interrupted"),
    /** A host function the guest called failed. */
    HOST_FUNCTION_FAILED("host function failed"),
    /** Anything else. */
    OTHER("trap");

    private final String description;

    TrapKind(String description) {
        this.description = description;
    }

    /**
     * A short lowercase description, as used in exception messages.
     *
     * @return for example {@code stack overflow}
     */
    public String description() {
        return description;
    }
}
