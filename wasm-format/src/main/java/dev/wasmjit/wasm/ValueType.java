package dev.wasmjit.wasm;

/**
 * A WebAssembly value type, with the one byte that encodes it. These are the types a function
 * signature, a local, a global or a table's elements can have.
 */
public enum ValueType {
    /** 32-bit integer. */
    I32(0x7F),
    /** 64-bit integer. */
    I64(0x7E),
    /** 32-bit float. */
    F32(0x7D),
    /** 64-bit float. */
    F64(0x7C),
    /** 128-bit vector. */
    V128(0x7B),
    /** Function reference. */
    FUNCREF(0x70),
    /** External reference. */
    EXTERNREF(0x6F);

    private final int code;

    ValueType(int code) {
        this.code = code;
    }

    /**
     * The byte that encodes this type.
     *
     * @return the code, between 0x00 and 0xFF
     */
    public int code() {
        return code;
    }

    /**
     * The type a byte encodes.
     *
     * @param code   the byte read
     * @param offset where it was read, for the message
     * @return the type
     * @throws WasmFormatException if {@code code} encodes no value type; the message names the offset
     */
    public static ValueType of(int code, int offset) {
        for (ValueType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new WasmFormatException(String.format("unknown value type 0x%02x at offset %d", code, offset));
    }

    /**
     * Whether this is a reference type.
     *
     * @return true for funcref and externref
     */
    public boolean isReference() {
        return this == FUNCREF || this == EXTERNREF;
    }
}
