package dev.wasmjit.staticlink;

/** The index spaces an instruction's immediates can refer to, and that linking renumbers. */
enum IndexSpace {
    TYPE, FUNCTION, TABLE, MEMORY, GLOBAL, ELEMENT, DATA
}
