package dev.wasmjit.reliability;

import dev.wasmjit.bridge.GuestTimeout;
import dev.wasmjit.junit.WasmjitTest;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static dev.wasmjit.reliability.SchemeCalls.linkJitRound;
import static dev.wasmjit.reliability.SchemeCalls.parseAndRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Interpreters on separate threads do not disturb each other; one shared interpreter refuses a
 * second thread. The shared interpreter is injected; the threads with one each build theirs
 * from the injected builder, each on its own thread.
 */
@WasmjitTest
class ConcurrencyTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 6;
    private static final int PROGRAMS_PER_ROUND = 10;
    /** Each program runs three procedures: the outer lambda, the closure it returns, and fib. */
    private static final int PROCEDURES_PER_PROGRAM = 3;
    private static final int SHARING_THREADS = 8;
    private static final int CALLS_PER_SHARING_THREAD = 200;
    /**
     * How long one call may go on being refused. The instance is free between any two calls,
     * so a call that retries is served within a few other calls' time; a whole minute of
     * refusals means the instance refuses calls it is free to serve.
     */
    private static final Duration SERVED_WITHIN = Duration.ofMinutes(1);

    @Test
    void fourThreadsWithAnInterpreterEachGetEveryResultRightAcrossJitRounds(SchemeInterpreter.Builder builder)
            throws Exception {
        CyclicBarrier jitTogether = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> evaluations = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                evaluations.add(pool.submit(() -> evaluateInRounds(builder, thread, jitTogether)));
            }
            int total = 0;
            for (Future<Integer> evaluated : evaluations) {
                total += evaluated.get(3, TimeUnit.MINUTES);
            }
            // round r evaluates the r programs of each earlier round again
            assertThat(total).as("evaluations checked").isEqualTo(THREADS * PROGRAMS_PER_ROUND * ROUNDS * (ROUNDS + 1) / 2);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each round parses new programs, evaluates them and all earlier ones, then links a JIT round. */
    private static int evaluateInRounds(SchemeInterpreter.Builder builder, int thread, CyclicBarrier jitTogether)
            throws Exception {
        int evaluations = 0;
        try (SchemeInterpreter scheme = builder.build()) {
            List<Expression> programs = new ArrayList<>();
            List<Integer> expected = new ArrayList<>();
            int compiled = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < PROGRAMS_PER_ROUND; i++) {
                    int n = 8 + (thread + round + i) % 10;
                    int offset = thread * 1000 + round * 10 + i;
                    programs.add(scheme.parse("(((lambda (a) (lambda (b) (+ a b))) " + offset + ") "
                            + "(letrec ((fib (lambda (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))) (fib " + n + ")))"));
                    expected.add(offset + fibonacci(n));
                }
                for (int p = 0; p < programs.size(); p++) {
                    assertThat(scheme.eval(programs.get(p)).asInteger())
                            .as("thread %d, round %d, program %d", thread, round, p).isEqualTo(expected.get(p));
                    evaluations++;
                }
                jitTogether.await(1, TimeUnit.MINUTES);
                compiled = linkJitRound(scheme);
                assertThat(compiled).as("thread %d, round %d compiles the new programs' procedures", thread, round)
                        .isEqualTo((round + 1) * PROGRAMS_PER_ROUND * PROCEDURES_PER_PROGRAM);
            }
        }
        return evaluations;
    }

    private static int fibonacci(int n) {
        return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);
    }

    @Test
    void aSecondThreadIsRefusedWhileTheFirstEvaluatesAndServedAfterwards(SchemeInterpreter scheme) throws Exception {
        Expression loop = scheme.parse(Programs.ENDLESS_LOOP);
        Expression sum = scheme.parse("(+ 40 2)");
        Duration deadline = Duration.ofSeconds(2);
        CompletableFuture<Throwable> first = CompletableFuture.supplyAsync(() -> {
            while (true) {
                try {
                    scheme.eval(loop, SchemeInterpreter.DEFAULT_HEAP_BYTES, deadline);
                    return null;
                } catch (IllegalStateException e) {
                    // the other thread was in a call just then: try again, as it does
                } catch (Throwable e) {
                    return e;
                }
            }
        });
        boolean refused = false;
        long giveUp = System.nanoTime() + deadline.toNanos() / 2;
        while (!refused && System.nanoTime() < giveUp) {
            try {
                assertThat(scheme.eval(sum).asInteger()).isEqualTo(42);
            } catch (IllegalStateException e) {
                assertThat(e).hasMessageContaining("in use by thread").hasMessageContaining("one thread at a time");
                refused = true;
            }
            Thread.sleep(1);
        }
        assertThat(refused).as("a call during the first thread's evaluation is refused").isTrue();
        assertThat(first.get(1, TimeUnit.MINUTES)).isInstanceOf(GuestTimeout.class);
        assertThat(scheme.eval(sum).asInteger()).as("served once the first call ended").isEqualTo(42);
    }

    /**
     * The threads call in rounds, all at once after a barrier: the instance is free when a round
     * starts, so of its eight simultaneous calls at least one is served at the first try (an
     * instance that refused every call that meets another would serve none), and the others
     * are tried again until served. So all 1,600 calls are served, each with its own right
     * result, and every round serves one at once, however the threads interleave.
     */
    @Test
    void eightThreadsSharingOneInterpreterGetEveryCallServedWithTheRightResultAndOneAtOnceInEachRound(
            SchemeInterpreter scheme) throws Exception {
        Expression fib = parseAndRun(scheme, Programs.FIB_20);
        int compiled = linkJitRound(scheme);
        AtomicInteger served = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicIntegerArray servedAtOnce = new AtomicIntegerArray(CALLS_PER_SHARING_THREAD);
        CyclicBarrier together = new CyclicBarrier(SHARING_THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(SHARING_THREADS);
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < SHARING_THREADS; t++) {
                int thread = t;
                threads.add(pool.submit(() -> {
                    for (int round = 0; round < CALLS_PER_SHARING_THREAD; round++) {
                        // each round's call is one guest call: a second would give others a gap to enter
                        String product = "(* " + thread + " " + round + ")";
                        Expression program = round % 2 == 0 ? fib : servedEventually(() -> scheme.parse(product), refused);
                        java.util.function.Supplier<Integer> work = () -> scheme.eval(program).asInteger();
                        together.await(1, TimeUnit.MINUTES);
                        Integer value = firstTry(work, refused);
                        if (value != null) {
                            servedAtOnce.incrementAndGet(round);
                        } else {
                            value = servedEventually(work, refused);
                        }
                        assertThat(value).as("thread %d, call %d", thread, round)
                                .isEqualTo(round % 2 == 0 ? Programs.FIB_20_RESULT : thread * round);
                        served.incrementAndGet();
                        together.await(1, TimeUnit.MINUTES);
                    }
                    return null;
                }));
            }
            for (Future<?> thread : threads) {
                thread.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("shared interpreter: " + served + " calls served, after " + refused + " refusals");
        assertThat(served.get()).as("calls served").isEqualTo(SHARING_THREADS * CALLS_PER_SHARING_THREAD);
        for (int round = 0; round < CALLS_PER_SHARING_THREAD; round++) {
            assertThat(servedAtOnce.get(round)).as("calls of round %d served at the first try", round).isPositive();
        }
        assertThat(scheme.eval(fib).asInteger()).isEqualTo(Programs.FIB_20_RESULT);
        assertThat(scheme.compiledFunctionCount().asOptionalInt()).hasValue(compiled);
    }

    /** The call's value, or null if it was refused because the instance was in use. */
    private static Integer firstTry(java.util.function.Supplier<Integer> call, AtomicInteger refused) {
        try {
            return call.get();
        } catch (IllegalStateException e) {
            countRefusal(e, refused);
            return null;
        }
    }

    /** A refusal must say the instance is in use; it is counted. */
    private static void countRefusal(IllegalStateException e, AtomicInteger refused) {
        if (!String.valueOf(e.getMessage()).contains("in use by thread")) {
            fail("an unclear refusal", e);
        }
        refused.incrementAndGet();
    }

    /** Makes the call until it is not refused; a refusal must say the instance is in use. */
    private static <T> T servedEventually(java.util.function.Supplier<T> call, AtomicInteger refused)
            throws InterruptedException {
        long giveUp = System.nanoTime() + SERVED_WITHIN.toNanos();
        while (true) {
            try {
                return call.get();
            } catch (IllegalStateException e) {
                countRefusal(e, refused);
                if (System.nanoTime() > giveUp) {
                    fail("a call was refused for %s although the instance is free between calls", SERVED_WITHIN);
                }
                Thread.sleep(1);
            }
        }
    }
}
