package dev.wasmjit.bridge;

/** The value types a WebAssembly function signature can name. */
public enum ValueType {
    /** 32-bit integer. */
    I32,
    /** 64-bit integer. */
    I64,
    /** 32-bit float. */
    F32,
    /** 64-bit float. */
    F64,
    /** 128-bit vector. */
    V128,
    /** Function reference. */
    FUNCREF,
    /** External reference. */
    EXTERNREF
}
