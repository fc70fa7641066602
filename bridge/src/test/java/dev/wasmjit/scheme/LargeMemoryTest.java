package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestMemory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guest memory above 2 GiB, which a Java ByteBuffer of the whole memory cannot address: the
 * guest's output, the host's reads and writes and every later call still work. It allocates
 * about 2 GiB of guest memory, so it is the only test of its kind.
 */
class LargeMemoryTest {

    private static final int HEAP_2047_MIB = 2047 << 20;

    @Test
    void aHeapThatGrowsMemoryPastTwoGibibytesLeavesTheInstanceWorking() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.heapBytes(HEAP_2047_MIB).resultLines(true))) {
            assertThat(t.evalInteger("(+ 1 2)")).isEqualTo(3);
            assertThat(t.stdoutText()).contains("result: 3");

            GuestMemory memory = t.scheme.instance().memory();
            long size = memory.size();
            assertThat(size).isGreaterThan(Integer.MAX_VALUE);
            int last = (int) (size - 4); // an address above 2^31, negative as a Java int
            memory.writeI32(last, 0x12345678);
            assertThat(memory.readI32(last)).isEqualTo(0x12345678);
            assertThat(memory.read(last, 4)).containsExactly(0x78, 0x56, 0x34, 0x12);

            assertThat(t.evalInteger(TestInterpreter.FIB_20)).isEqualTo(10946);
            t.scheme.jit().ifPresent(t.scheme::link);
            assertThat(t.evalInteger(TestInterpreter.FIB_20)).isEqualTo(10946);
            assertThat(t.stdoutText()).contains("result: 10946");
        }
    }

    @Test
    void aHeapGrowsPastTwoGibibytesAsFarAsTheGuestsMemoryAllows() {
        // A billion-byte vector needs halves past 1 GiB: the heap grows past 2 GiB, which once
        // wrapped the guest's 32-bit size and looped for ever, and a move needed both new halves
        // beside both old ones, more than 4 GiB. Now the halves are blocks of their own.
        try (TestInterpreter t = TestInterpreter.start(b -> b.maxHeapBytes(InterpreterSettings.LARGEST_HEAP_LIMIT))) {
            Expression big = t.scheme.parse("(define v (make-vector 250000000 0)) (vector-set! v 5 7)"
                    + " (define w (make-vector 1000 1)) (list (vector-length v) (vector-ref v 5) (vector-ref w 999))");
            assertThat(t.scheme.eval(big, SchemeInterpreter.DEFAULT_HEAP_BYTES, java.time.Duration.ofSeconds(60)))
                    .hasToString("(250000000 7 1)");
            assertThat(t.evalInteger(TestInterpreter.FIB_20)).isEqualTo(10946);
        }
    }
}
