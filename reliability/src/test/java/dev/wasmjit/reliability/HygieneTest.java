package dev.wasmjit.reliability;

import dev.wasmjit.junit.WasmjitTest;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.JitModule;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.wasmjit.reliability.SchemeCalls.evalInteger;
import static dev.wasmjit.reliability.SchemeCalls.linkJitRound;
import static dev.wasmjit.reliability.SchemeCalls.parseAndRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Interpreters give back what they took: memory, temp files, threads; and closing is safe. The
 * cycles build and close their interpreters themselves, from the injected builder: that is what
 * they measure. The closing tests close their injected interpreter, and the extension closes it
 * once more after them.
 */
@WasmjitTest
class HygieneTest {

    private static final int CYCLES = 1_000;
    /**
     * Cycles before the first sample: 500. What grows once (the JVM's compiled code, the
     * native allocator's arenas) has grown by then: over 6,000 cycles resident memory was flat
     * from about the 500th on (0.5 KiB a cycle). Measured from the 100th, without the
     * allocator's free pages given back ({@link ResidentMemory}) and with the Java heap touched
     * as it was first used, the slope over 1,000 cycles ranged from 4 to 22 KiB a cycle; with
     * both seen to, from -8 to -2.
     */
    private static final int WARM_UP_CYCLES = 500;
    /** Resident memory is sampled after every this many cycles, the collector run first. */
    private static final int SAMPLE_EVERY = 50;
    /**
     * How much resident memory may grow per cycle, as the slope of a least-squares line
     * through the samples: 16 KiB. A leaked store costs about 172 KiB a cycle, ten times the
     * bound, and a leaked instance more; what the JVM's heap and code cache add after the
     * warm-up is spread over the thousand cycles and stays far below it.
     */
    private static final long RESIDENT_GROWTH_PER_CYCLE_BOUND = 16L << 10;
    /**
     * How much resident memory may grow from the first sample to the last in all: 32 MiB. It
     * includes what grows once (the JVM's code cache and heap after the warm-up, which the
     * slope leaves out), so it is looser; a leak shows in the slope.
     */
    private static final long RESIDENT_GROWTH_BOUND = 32L << 20;

    private static final String PROGRAM = "(letrec ((f (lambda (n) (if (< n 2) n (+ (f (- n 1)) (f (- n 2))))))) (f 12))";
    private static final int RESULT = 144;

    @Test
    void aThousandCreateUseCloseCyclesLeaveResidentMemoryTempDirectoryAndThreadsFlat(SchemeInterpreter.Builder builder)
            throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        for (int i = 0; i < WARM_UP_CYCLES; i++) {
            createUseClose(builder);
        }
        settle();
        long residentBefore = ResidentMemory.bytes();
        List<String> tmpBefore = listRecursively(tmp);
        long guestThreadsBefore = guestThreads();

        List<long[]> samples = new java.util.ArrayList<>();
        samples.add(new long[]{0, residentBefore});
        for (int i = 1; i <= CYCLES; i++) {
            createUseClose(builder);
            if (i % SAMPLE_EVERY == 0) {
                System.gc();
                samples.add(new long[]{i, ResidentMemory.bytes()});
            }
        }
        settle();
        long residentAfter = ResidentMemory.bytes();
        double perCycle = slope(samples);

        System.out.printf("hygiene: %d cycles, resident memory %d MiB -> %d MiB (%+d KiB), %.1f KiB per cycle"
                        + " (least squares over %d samples), temp entries %d -> %d%n",
                CYCLES, residentBefore >> 20, residentAfter >> 20, (residentAfter - residentBefore) >> 10,
                perCycle / 1024, samples.size(), tmpBefore.size(), listRecursively(tmp).size());
        assertThat(perCycle).as("growth of resident memory per cycle in bytes")
                .isLessThan(RESIDENT_GROWTH_PER_CYCLE_BOUND);
        assertThat(residentAfter - residentBefore).as("growth of resident memory over all the cycles in bytes")
                .isLessThan(RESIDENT_GROWTH_BOUND);
        assertThat(listRecursively(tmp)).as("the temp directory " + tmp).isEqualTo(tmpBefore);
        assertThat(guestThreads()).as("live guest threads").isEqualTo(guestThreadsBefore);
    }

    @Test
    void closingTwiceIsHarmless(SchemeInterpreter scheme) {
        parseAndRun(scheme, PROGRAM);
        scheme.close();
        scheme.close();
        assertThatThrownBy(() -> evalInteger(scheme, "(+ 1 2)")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyUseAfterCloseIsAClearError(SchemeInterpreter closed) {
        Expression program = parseAndRun(closed, PROGRAM);
        JitModule module = closed.jit().orElseThrow();
        closed.close();

        List<Runnable> uses = List.of(
                () -> closed.parse("(+ 1 2)"),
                () -> closed.eval(program),
                () -> closed.jit(),
                () -> closed.link(module),
                () -> closed.compiledFunctionCount(),
                () -> closed.pendingJitCount(),
                () -> closed.tableSize(),
                () -> closed.instance());
        for (Runnable use : uses) {
            assertThatThrownBy(use::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    private static void createUseClose(SchemeInterpreter.Builder builder) {
        try (SchemeInterpreter scheme = builder.build()) {
            Expression program = parseAndRun(scheme, PROGRAM);
            assertThat(linkJitRound(scheme)).as("f, compiled").isEqualTo(1);
            assertThat(scheme.eval(program).asInteger()).isEqualTo(RESULT);
        }
    }

    /** The slope of the least-squares line through (cycle, bytes) samples: bytes per cycle. */
    private static double slope(List<long[]> samples) {
        double meanX = samples.stream().mapToDouble(s -> s[0]).average().orElseThrow();
        double meanY = samples.stream().mapToDouble(s -> s[1]).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (long[] sample : samples) {
            covariance += (sample[0] - meanX) * (sample[1] - meanY);
            variance += (sample[0] - meanX) * (sample[0] - meanX);
        }
        return covariance / variance;
    }

    /** Lets the collector free what the cycles dropped, so that only what is still held counts. */
    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }

    private static List<String> listRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.map(p -> directory.relativize(p) + (Files.isDirectory(p) ? "/" : " " + p.toFile().length()))
                    .sorted().toList();
        }
    }

    private static long guestThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("wasmjit-guest")).count();
    }
}
