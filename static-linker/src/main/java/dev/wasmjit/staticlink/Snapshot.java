package dev.wasmjit.staticlink;

import java.util.List;
import java.util.Map;

/**
 * What a live instance holds, as plain data: everything the rewrite phase needs to write a
 * module that starts where the instance is now.
 *
 * @param memory       linear memory 0, whole, at its current size (a multiple of 64 KiB)
 * @param globals      the raw bits of every defined numeric global, by global index
 * @param tableSize    table 0's current size
 * @param patches      for each generated module linked into the instance, in link order,
 *                     the table slots its instantiation filled
 */
record Snapshot(byte[] memory, Map<Integer, Long> globals, int tableSize, List<TableSlots> patches) {
}
