package dev.wasmjit.staticlink;

/** A WebAssembly value type and its one-byte binary code. */
enum ValType {
    I32(0x7F), I64(0x7E), F32(0x7D), F64(0x7C), V128(0x7B), FUNCREF(0x70), EXTERNREF(0x6F);

    /** The byte that encodes this type. */
    final int code;

    ValType(int code) {
        this.code = code;
    }

    /** The type encoded by {@code code}, or a {@link WasmFormatException} naming the offset. */
    static ValType of(int code, int offset) {
        for (ValType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new WasmFormatException(String.format("unknown value type 0x%02x at offset %d", code, offset));
    }

    /** True for funcref and externref. */
    boolean isReference() {
        return this == FUNCREF || this == EXTERNREF;
    }
}
