package dev.wasmjit.wasm;

/**
 * The kinds of immediate operand that follow an opcode. Those that name an entity of the
 * module carry the {@link IndexSpace} they index, which is what a linker renumbers.
 */
public enum Immediate {
    /** Empty, a value type, or (when non-negative) a type index, as a signed 33-bit integer. */
    BLOCK_TYPE(null),
    /** A branch's label depth. */
    LABEL(null),
    /** The label vector of {@code br_table} (its default label follows as a {@link #LABEL}). */
    LABEL_VECTOR(null),
    /** A local's index. */
    LOCAL(null),
    /** Alignment, an optional memory index (multi-memory), and offset. */
    MEMARG(null),
    /** A signed 32-bit constant. */
    I32(null),
    /** A signed 64-bit constant. */
    I64(null),
    /** An f32 constant's four bytes. */
    F32(null),
    /** An f64 constant's eight bytes. */
    F64(null),
    /** The value types of a typed {@code select}. */
    VALTYPE_VECTOR(null),
    /** A reference type's code. */
    REF_TYPE(null),
    /** A type index. */
    TYPE(IndexSpace.TYPE),
    /** A function index. */
    FUNCTION(IndexSpace.FUNCTION),
    /** A table index. */
    TABLE(IndexSpace.TABLE),
    /** A memory index. */
    MEMORY(IndexSpace.MEMORY),
    /** A global index. */
    GLOBAL(IndexSpace.GLOBAL),
    /** An element segment index. */
    ELEMENT(IndexSpace.ELEMENT),
    /** A data segment index. */
    DATA(IndexSpace.DATA);

    private final IndexSpace space;

    Immediate(IndexSpace space) {
        this.space = space;
    }

    /**
     * The index space this immediate refers to.
     *
     * @return the space, or null when the immediate is not an index into one
     */
    public IndexSpace space() {
        return space;
    }
}
