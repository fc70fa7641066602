package dev.wasmjit.reliability;

import dev.wasmjit.bridge.DeadlineBounds;
import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestTimeout;
import dev.wasmjit.junit.WasmjitTest;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight threads, each with an interpreter of its own, run a fixed mix of evaluations: good
 * programs, program errors, endless loops stopped by short deadlines, and JIT rounds. Every
 * evaluation must end as expected (none lost, none with another's result), and once the
 * interpreters are closed the process's threads, open file descriptors and resident memory
 * must be back within a stated bound of where they started. The numbers measured are
 * reported.
 */
@WasmjitTest
class SoakTest {

    private static final int THREADS = 8;
    private static final int EVALUATIONS_PER_THREAD = 600;
    /** One evaluation in each {@code MIX.length} is of each kind, in this order. */
    private static final Kind[] MIX = {Kind.GOOD, Kind.GOOD, Kind.ERROR, Kind.GOOD, Kind.TIMEOUT, Kind.GOOD,
        Kind.GOOD, Kind.ERROR, Kind.GOOD, Kind.GOOD, Kind.GOOD, Kind.JIT_ROUND};
    private static final Duration TIMEOUT = Duration.ofMillis(50);
    /**
     * A stopped loop ends within its deadline and this, on the wall clock less the longest
     * stall of the JVM meanwhile ({@link DeadlineBounds.CallTimer}). The ticks are 5 ms; the
     * rest is room for the work after the deadline (wasmtime unwinding the trap, the stack
     * pointer restored, the exception made), which waits for a core beside the other seven
     * soak threads: at a load average of 23 on 2 cores one such call took 2.4 s in all. Here the
     * question is whether the loop stopped; how precisely a deadline ends a call is
     * {@link DeadlineBounds}'s own tests' question, with deadlines long enough to tell.
     */
    private static final Duration TIMEOUT_SLACK = Duration.ofSeconds(5);

    /** Threads the process may have beyond those at the start: none of the interpreters' may remain. */
    private static final int THREAD_BOUND = 0;
    /** Open file descriptors beyond those at the start: none may leak. */
    private static final int DESCRIPTOR_BOUND = 0;
    /**
     * Resident memory beyond the start, after all interpreters closed: 48 MiB. The start is
     * measured after one interpreter per thread has been made and closed, so the engine, the
     * compiled guest and the JVM's code are already there; what the bound leaves is room for
     * the JVM's heap and code cache, while one leaked interpreter per thread would hold at
     * least 8 x its guest memory and store (several MiB each) per round of the mix.
     */
    private static final long RESIDENT_BOUND = 48L << 20;

    private enum Kind { GOOD, ERROR, TIMEOUT, JIT_ROUND }

    @Test
    void eightThreadsRunAFixedMixLoseNothingAndLeaveThreadsDescriptorsAndMemoryAsTheyWere(
            SchemeInterpreter.Builder builder, TestReporter reporter) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            // the first interpreter per thread makes what lives as long as the process
            runOnAll(pool, thread -> {
                try (SchemeInterpreter scheme = builder.build()) {
                    scheme.eval(scheme.parse(good(thread, 0).source()));
                }
                return new EnumMap<Kind, Integer>(Kind.class);
            });
            Resources before = Resources.settled(null);
            long started = System.nanoTime();

            List<Map<Kind, Integer>> tallies = runOnAll(pool, thread -> soak(builder, thread));

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Resources after = Resources.settled(before);
            Map<Kind, Integer> total = new EnumMap<>(Kind.class);
            tallies.forEach(tally -> tally.forEach((kind, count) -> total.merge(kind, count, Integer::sum)));
            String report = String.format("soak: %d threads x %d evaluations in %d s %s; threads %d -> %d, "
                            + "open descriptors %d -> %d, resident memory %d MiB -> %d MiB (%+d KiB)",
                    THREADS, EVALUATIONS_PER_THREAD, took.toSeconds(), total, before.threads, after.threads,
                    before.descriptors, after.descriptors, before.resident >> 20, after.resident >> 20,
                    (after.resident - before.resident) >> 10);
            System.out.println(report);
            reporter.publishEntry("soak", report);

            for (Kind kind : Kind.values()) {
                assertThat(total.get(kind)).as("evaluations of kind %s, each checked", kind)
                        .isEqualTo(THREADS * expectedPerThread(kind));
            }
            assertThat(after.threads).as("threads after closing").isLessThanOrEqualTo(before.threads + THREAD_BOUND);
            assertThat(after.descriptors).as("open file descriptors after closing")
                    .isLessThanOrEqualTo(before.descriptors + DESCRIPTOR_BOUND);
            assertThat(after.resident - before.resident).as("growth of resident memory in bytes")
                    .isLessThan(RESIDENT_BOUND);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One thread's share: its own interpreter, the mix in order, every outcome checked. */
    private static Map<Kind, Integer> soak(SchemeInterpreter.Builder builder, int thread) {
        Map<Kind, Integer> tally = new EnumMap<>(Kind.class);
        try (SchemeInterpreter scheme = builder.build()) {
            Expression loop = scheme.parse(Programs.ENDLESS_LOOP);
            for (int i = 0; i < EVALUATIONS_PER_THREAD; i++) {
                Kind kind = MIX[i % MIX.length];
                String where = "thread " + thread + ", evaluation " + i;
                switch (kind) {
                    case GOOD -> {
                        GoodProgram program = good(thread, i);
                        assertThat(scheme.eval(scheme.parse(program.source())).asInteger()).as(where)
                                .isEqualTo(program.result());
                    }
                    case ERROR -> {
                        String name = "zzunbound-" + thread + "-" + i;
                        GuestError error = org.junit.jupiter.api.Assertions.assertThrows(GuestError.class,
                                () -> scheme.eval(scheme.parse("(+ 1 (" + name + " 2))")), where);
                        assertThat(error.getMessage()).as(where).startsWith("unbound variable: " + name + " at line 1");
                    }
                    case TIMEOUT -> {
                        DeadlineBounds.CallTimer timer = DeadlineBounds.CallTimer.start();
                        GuestTimeout timeout = org.junit.jupiter.api.Assertions.assertThrows(GuestTimeout.class,
                                () -> scheme.eval(loop, SchemeInterpreter.DEFAULT_HEAP_BYTES, TIMEOUT), where);
                        timer.assertEndedBetween(TIMEOUT, TIMEOUT.plus(TIMEOUT_SLACK));
                        assertThat(timeout.deadline()).as(where).isEqualTo(TIMEOUT);
                    }
                    case JIT_ROUND -> {
                        int pending = scheme.pendingJitCount().orElseThrow();
                        int compiled = scheme.compiledFunctionCount().orElseThrow();
                        assertThat(pending).as(where + ": functions run since the last round").isPositive();
                        scheme.link(scheme.jit().orElseThrow());
                        assertThat(scheme.compiledFunctionCount().asOptionalInt()).as(where + ": compiled functions after the round")
                                .hasValue(compiled + pending);
                        assertThat(scheme.pendingJitCount().asOptionalInt()).as(where).hasValue(0);
                    }
                }
                tally.merge(kind, 1, Integer::sum);
            }
        }
        return tally;
    }

    private static int expectedPerThread(Kind kind) {
        int count = 0;
        for (int i = 0; i < EVALUATIONS_PER_THREAD; i++) {
            count += MIX[i % MIX.length] == kind ? 1 : 0;
        }
        return count;
    }

    private record GoodProgram(String source, int result) {
    }

    /** A program with a result of its own for each thread and evaluation, so a crossed result shows. */
    private static GoodProgram good(int thread, int i) {
        int n = 10 + thread * 7 + i % 23;
        return switch (i % 3) {
            case 0 -> new GoodProgram("(let loop ((i 0) (acc " + thread + ")) (if (= i " + n + ") acc (loop (+ i 1) (+ acc i))))",
                    thread + n * (n - 1) / 2);
            case 1 -> new GoodProgram("(letrec ((fib (lambda (k) (if (< k 2) k (+ (fib (- k 1)) (fib (- k 2)))))))"
                    + " (+ (fib " + (n % 15) + ") " + i + "))", fibonacci(n % 15) + i);
            default -> new GoodProgram("(((lambda (a) (lambda (b) (* a b))) " + n + ") " + (thread + 1) + ")",
                    n * (thread + 1));
        };
    }

    private static int fibonacci(int n) {
        return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);
    }

    private interface PerThread {
        Map<Kind, Integer> run(int thread) throws Exception;
    }

    private static List<Map<Kind, Integer>> runOnAll(ExecutorService pool, PerThread work) throws Exception {
        List<Future<Map<Kind, Integer>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> work.run(thread)));
        }
        List<Map<Kind, Integer>> results = new ArrayList<>();
        for (Future<Map<Kind, Integer>> future : futures) {
            results.add(future.get(5, TimeUnit.MINUTES));
        }
        return results;
    }

    /** The process's threads (the kernel's count), open file descriptors and resident memory. */
    private record Resources(int threads, int descriptors, long resident) {

        /**
         * Measures once the collector has freed what was dropped and the closed interpreters'
         * threads have ended: up to ten seconds, until the counts are back to {@code start}'s.
         */
        static Resources settled(Resources start) throws IOException, InterruptedException {
            Resources now = measure();
            for (int i = 0; i < 100 && (start == null ? i < 3 : !now.within(start)); i++) {
                System.gc();
                Thread.sleep(100);
                now = measure();
            }
            return now;
        }

        boolean within(Resources start) {
            return threads <= start.threads + THREAD_BOUND && descriptors <= start.descriptors + DESCRIPTOR_BOUND;
        }

        static Resources measure() throws IOException {
            long threads = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
                return new Resources((int) threads, (int) descriptors.count(), ResidentMemory.bytes());
            }
        }
    }
}
