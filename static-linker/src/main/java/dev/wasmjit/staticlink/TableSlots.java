package dev.wasmjit.staticlink;

import java.util.Map;

/**
 * What one generated module's instantiation did to the main module's table 0: its size before
 * and after, and which of the generated module's functions (by its own function index) went
 * into which slot.
 */
record TableSlots(int sizeBefore, int sizeAfter, Map<Integer, Integer> functionAtSlot) {
}
