package dev.wasmjit.wasm;

/** The index spaces of a module that an instruction's immediates can refer to. */
public enum IndexSpace {
    /** Function types. */
    TYPE,
    /** Functions, imported ones first. */
    FUNCTION,
    /** Tables, imported ones first. */
    TABLE,
    /** Memories, imported ones first. */
    MEMORY,
    /** Globals, imported ones first. */
    GLOBAL,
    /** Element segments. */
    ELEMENT,
    /** Data segments. */
    DATA
}
