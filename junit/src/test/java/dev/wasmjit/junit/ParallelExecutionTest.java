package dev.wasmjit.junit;

import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.wasmjit.junit.WasmjitAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * With JUnit's parallel execution on, tests with injected interpreters run at the same time
 * and each sees only its own definitions.
 */
class ParallelExecutionTest {

    static final int TESTS = 4;

    @WasmjitTest
    @Execution(ExecutionMode.CONCURRENT)
    static class FourTestsMeetingAtABarrier {
        static final CyclicBarrier ALL_RUNNING = new CyclicBarrier(TESTS);
        static final AtomicInteger NEXT = new AtomicInteger();
        static final Set<SchemeInterpreter> SEEN = ConcurrentHashMap.newKeySet();

        @RepeatedTest(TESTS)
        void definesItsOwnValueAndReadsItBackAfterTheOthersDefinedTheirs(SchemeInterpreter scheme) throws Exception {
            int mine = NEXT.incrementAndGet();
            SEEN.add(scheme);
            scheme.eval(scheme.parse("(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))"
                    + " (define mine " + mine + ")"));
            scheme.jit().ifPresent(scheme::link);

            ALL_RUNNING.await(60, TimeUnit.SECONDS);

            assertThat(scheme.eval(scheme.parse("mine"))).isInteger(mine);
            assertThat(scheme.eval(scheme.parse("(fib 15)"))).isInteger(610);
        }
    }

    @Test
    void interpretersInjectedIntoParallelTestsAreIndependent() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(TESTS))
                .selectors(selectClass(FourTestsMeetingAtABarrier.class))
                .execute();

        // the barrier is only passed when all four run at once: run one after another, each would time out
        results.testEvents().assertStatistics(s -> s.started(TESTS).succeeded(TESTS));
        assertThat(FourTestsMeetingAtABarrier.SEEN).hasSize(TESTS);
    }
}
