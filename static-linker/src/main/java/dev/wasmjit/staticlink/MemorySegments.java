package dev.wasmjit.staticlink;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a memory image into the non-zero stretches worth a data segment each. Memory starts
 * zeroed, so zero runs need no bytes in the module; short runs stay inside a segment, because a
 * segment's own header costs about as much, and engines cap the number of segments.
 */
final class MemorySegments {
    /** Zero runs at least this long end a segment. */
    private static final int MIN_GAP = 32;
    /** wasmtime and V8 refuse modules with more data segments than this. */
    private static final int MAX_SEGMENTS = 100_000;

    /** A stretch of memory {@code [offset, offset + length)}. */
    record Segment(int offset, int length) {
    }

    private MemorySegments() {
    }

    /** The segments covering every non-zero byte of {@code memory}. */
    static List<Segment> of(byte[] memory) {
        for (int gap = MIN_GAP; ; gap *= 2) {
            List<Segment> segments = split(memory, gap);
            if (segments.size() <= MAX_SEGMENTS) {
                return segments;
            }
        }
    }

    private static List<Segment> split(byte[] memory, int gap) {
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        while (i < memory.length) {
            while (i < memory.length && memory[i] == 0) {
                i++;
            }
            if (i == memory.length) {
                break;
            }
            int start = i;
            int lastNonZero = i;
            while (i < memory.length && i - lastNonZero < gap) {
                if (memory[i] != 0) {
                    lastNonZero = i;
                }
                i++;
            }
            segments.add(new Segment(start, lastNonZero + 1 - start));
            i = lastNonZero + 1;
        }
        return segments;
    }
}
