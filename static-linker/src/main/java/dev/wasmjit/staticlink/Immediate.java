package dev.wasmjit.staticlink;

/**
 * The kinds of immediate operand that follow an opcode. Those that name an entity of the
 * module carry the {@link IndexSpace} they index, which is what linking rewrites.
 */
enum Immediate {
    /** Empty, a value type, or (when non-negative) a type index, as a signed 33-bit LEB128. */
    BLOCK_TYPE(null),
    LABEL(null),
    /** The label vector of {@code br_table} (its default label follows as a {@link #LABEL}). */
    LABEL_VECTOR(null),
    LOCAL(null),
    /** Alignment, an optional memory index (multi-memory), and offset. */
    MEMARG(null),
    I32(null),
    I64(null),
    F32(null),
    F64(null),
    /** The value types of a typed {@code select}. */
    VALTYPE_VECTOR(null),
    REF_TYPE(null),
    TYPE(IndexSpace.TYPE),
    FUNCTION(IndexSpace.FUNCTION),
    TABLE(IndexSpace.TABLE),
    MEMORY(IndexSpace.MEMORY),
    GLOBAL(IndexSpace.GLOBAL),
    ELEMENT(IndexSpace.ELEMENT),
    DATA(IndexSpace.DATA);

    /** The index space this immediate refers to, or null when it is not an index into one. */
    final IndexSpace space;

    Immediate(IndexSpace space) {
        this.space = space;
    }
}
