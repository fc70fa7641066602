package dev.wasmjit.scheme;

import org.junit.jupiter.api.Test;

import dev.wasmjit.bridge.GuestInterrupted;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Automatic tiering with tiny thresholds: hot functions compile and link by themselves. */
class AutomaticTieringTest {

    /** A loop of a million iterations in one evaluation, calling a helper each time. */
    private static final String LONG_LOOP = """
            (define (step x) (if (< x 1000) (+ x 1) 0))
            (let loop ((i 0) (x 0))
              (if (= i 1000000) x (loop (+ i 1) (step x))))
            """;

    private static TestInterpreter automatic(int threshold) {
        return TestInterpreter.start(b -> b.tiering(Tiering.automatic().withThreshold(threshold)));
    }

    @Test
    void hotFunctionsCompileAndLinkWithinOneEvaluation() {
        try (TestInterpreter t = automatic(50)) {
            t.scheme.automaticTiering().waitForCompilation = true;
            assertThat(t.evalInteger(LONG_LOOP)).isEqualTo(1000000 % 1001);
            TieringStats stats = t.scheme.tieringStats();
            // The loop is hot first (its 50th entry comes before step's): a round of its own,
            // then step's round, handed over at the poll that linked the first.
            assertThat(t.scheme.automaticTiering().linkedWithinCalls.get()).as("linked at polls").isEqualTo(2);
            assertThat(stats.rounds()).isEqualTo(2);
            assertThat(stats.functionsCompiled()).as("step and the loop").isEqualTo(2);
            assertThat(stats.failedRounds()).isZero();
            assertThat(t.scheme.compiledFunctionCount().asOptionalInt()).hasValue(2);
        }
    }

    @Test
    void aFunctionIsCompiledOnceItsEntriesReachTheThreshold() {
        try (TestInterpreter t = automatic(30)) {
            t.scheme.automaticTiering().waitForCompilation = true;
            t.scheme.eval(t.scheme.parse("(define (id x) x)"));
            assertThat(t.evalInteger("(let loop ((i 0)) (if (< i 28) (begin (id i) (loop (+ i 1))) i))"))
                    .isEqualTo(28);
            assertThat(t.scheme.tieringStats().rounds()).as("29 loop entries, 28 calls of id: none hot").isZero();
            assertThat(t.evalInteger("(id 7)")).isEqualTo(7);
            assertThat(t.evalInteger("(id 8)")).isEqualTo(8); // the 30th entry of id: hot
            assertThat(t.scheme.tieringStats().rounds()).as("linked after the evaluation").isEqualTo(1);
            assertThat(t.scheme.compiledFunctionCount().asOptionalInt()).hasValue(1);
            assertThat(t.evalInteger("(id 9)")).as("compiled code runs").isEqualTo(9);
            assertThat(t.scheme.pendingJitCount().asOptionalInt()).as("the loop, not hot, stays interpreted").hasValue(1);
        }
    }

    @Test
    void aRoundThatFailsToCompileLeavesTheInterpreterWorking() {
        try (TestInterpreter t = automatic(50)) {
            t.scheme.automaticTiering().waitForCompilation = true;
            t.scheme.automaticTiering().beforeCompile = bytes -> new byte[] {0, 'a', 's', 'm', 9, 9, 9, 9};
            assertThat(t.evalInteger(LONG_LOOP)).isEqualTo(1000000 % 1001);
            TieringStats stats = t.scheme.tieringStats();
            assertThat(stats.failedRounds()).as("the loop's round, then step's").isEqualTo(2);
            assertThat(stats.rounds()).isZero();
            assertThat(t.scheme.compiledFunctionCount().asOptionalInt()).hasValue(0);
            assertThat(t.evalInteger(LONG_LOOP)).as("the functions stay interpreted").isEqualTo(1000000 % 1001);
            assertThat(t.scheme.tieringStats().rounds()).isZero();
        }
    }

    @Test
    void closeWhileACompilationRunsReturnsAndStopsIt() throws InterruptedException {
        CountDownLatch compiling = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        TestInterpreter t = automatic(50);
        t.scheme.automaticTiering().beforeCompile = bytes -> {
            compiling.countDown();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return bytes;
        };
        assertThat(t.evalInteger(LONG_LOOP)).isEqualTo(1000000 % 1001);
        assertThat(compiling.await(30, TimeUnit.SECONDS)).as("the compilation started").isTrue();
        t.close();
        assertThat(interrupted.getCount()).as("close() stopped the compilation before returning").isZero();
        assertThat(t.scheme.tieringStats().rounds()).isZero();
    }

    @Test
    void aThousandInterpretersWithTieringLeaveNoThreadsOrMemoryBehind() throws Exception {
        // Other tests of this JVM may still hold interpreters: count what was there before.
        long guestsBefore = GuestThreads.count();
        openAndClose(50); // the JVM's code and the shared compiler pool are made before the measure
        long outsideHeapBefore = outsideTheHeap();
        // each hands a round over, which may still be compiling when it is closed
        openAndClose(1000);
        long compilers = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("wasmjit-compiler-")).count();
        assertThat(compilers).as("one shared compiler pool of one thread").isLessThanOrEqualTo(1);
        assertThat(GuestThreads.count()).as("every interpreter's guest thread ended").isLessThanOrEqualTo(guestsBefore + 1);
        // A leaked interpreter keeps its store and linear memory, several MiB outside the Java heap:
        // a thousand would be gigabytes. The bound leaves room for the JVM's own growth.
        assertThat(outsideTheHeap() - outsideHeapBefore).as("growth of resident memory outside the Java heap")
                .isLessThan(128L << 20);
    }

    private static void openAndClose(int interpreters) {
        for (int i = 0; i < interpreters; i++) {
            try (TestInterpreter t = automatic(5)) {
                assertThat(t.evalInteger("(define (f n) (if (= n 0) 0 (f (- n 1)))) (f 100)")).isZero();
            }
        }
    }

    /** The process's resident memory less the Java heap's committed size, after collecting garbage. */
    private static long outsideTheHeap() throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        long resident = 0;
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                resident = Long.parseLong(line.replaceAll("\\D", "")) << 10;
            }
        }
        assertThat(resident).as("VmRSS in /proc/self/status").isPositive();
        return resident - java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }

    @Test
    void interruptingALoopThatTieredUpLeavesTheInterpreterAndItsCodeWorking() throws Exception {
        try (TestInterpreter t = TestInterpreter.start(b -> b.interruptible(true)
                .tiering(Tiering.automatic().withThreshold(50)))) {
            t.scheme.automaticTiering().waitForCompilation = true;
            Expression endless = t.scheme.parse("(define (spin n) (spin (+ n 1))) (spin 0)");
            CompletableFuture<SchemeValue> running = CompletableFuture.supplyAsync(() -> t.scheme.eval(endless));
            // The statistics are read without entering the instance: wait for spin's round to link.
            for (int i = 0; i < 3000 && t.scheme.tieringStats().rounds() == 0; i++) {
                Thread.sleep(10);
            }
            assertThat(t.scheme.tieringStats().rounds()).as("spin linked while it loops").isEqualTo(1);
            assertThat(t.scheme.interrupt()).isTrue();
            assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(GuestInterrupted.class);
            assertThat(t.evalInteger(LONG_LOOP)).isEqualTo(1000000 % 1001);
            assertThat(t.scheme.compiledFunctionCount().asOptionalInt()).as("spin, then the loop and step").hasValue(3);
        }
    }

    @Test
    void manualTieringIsTheDefaultAndCompilesNothingByItself() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThat(t.scheme.tiering().mode()).isEqualTo(Tiering.Mode.MANUAL);
            assertThat(t.evalInteger(LONG_LOOP)).isEqualTo(1000000 % 1001);
            assertThat(t.scheme.compiledFunctionCount().asOptionalInt()).hasValue(0);
            assertThat(t.scheme.tieringStats()).isEqualTo(TieringStats.NONE);
        }
    }

    @Test
    void tieringOffRefusesToCompile() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.tiering(Tiering.off()))) {
            t.evalInteger(TestInterpreter.FIB_20);
            assertThat(t.scheme.jit()).isEmpty();
        }
    }
}
