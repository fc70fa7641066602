package dev.wasmjit.scheme;

import dev.wasmjit.bridge.DeadlineBounds;
import dev.wasmjit.bridge.GuestInterrupted;
import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.TrapKind;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SchemeInterpreter#interrupt()}, the REPL's Ctrl-C: it stops an endless evaluation,
 * interpreted or compiled, and nothing else; the interpreter keeps its definitions and its
 * linked code.
 */
class InterruptTest {

    private static final String SPIN = "(define (spin k) (if (eq? k 'stop) 0 (spin k)))";

    @Test
    void anEndlessInterpretedLoopIsInterruptedAndTheDefinitionsSurvive() throws Exception {
        try (TestInterpreter t = TestInterpreter.start(b -> b.interruptible(true))) {
            t.evalInteger("(define (sq x) (* x x)) 0");
            CompletableFuture<SchemeValue> running = evalInBackground(t.scheme, "(let loop () (loop))");
            assertInterrupted(t.scheme, running);
            assertThat(t.evalInteger("(sq 12)")).isEqualTo(144);
        }
    }

    @Test
    void anEndlessCompiledLoopIsInterruptedAndTheCompiledCodeRunsOn() throws Exception {
        try (TestInterpreter t = TestInterpreter.start(b -> b.interruptible(true))) {
            t.evalInteger(SPIN + " (spin 'stop)");
            t.scheme.link(t.scheme.jit().orElseThrow());
            assertThat(t.scheme.compiledFunctionCount().asOptionalInt()).as("spin, compiled").hasValue(1);

            CompletableFuture<SchemeValue> running = evalInBackground(t.scheme, "(spin 'go)");
            assertInterrupted(t.scheme, running);
            assertThat(t.evalInteger("(spin 'stop)")).isZero();
        }
    }

    @Test
    void interruptingWhenNothingRunsDoesNothing() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.interruptible(true))) {
            assertThat(t.scheme.interrupt()).isFalse();
            assertThat(t.evalInteger("(+ 1 2)")).isEqualTo(3);
        }
    }

    @Test
    void theDeadlineStillEndsACallOfAnInterruptibleInterpreterAsATimeout() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.interruptible(true).deadline(DeadlineBounds.SHORTEST))) {
            DeadlineBounds.assertTimesOutAt(DeadlineBounds.SHORTEST, () -> t.evalInteger("(let loop () (loop))"));
            assertThat(t.evalInteger("(+ 1 2)")).isEqualTo(3);
            // the alarm of the call that ended early does not ring into the next one
            for (int i = 0; i < 50; i++) {
                assertThat(t.evalInteger("(+ 1 2)")).isEqualTo(3);
            }
        }
    }

    @Test
    void interruptingOneInterpreterLeavesAnotherRunning() throws Exception {
        try (TestInterpreter a = TestInterpreter.start(b -> b.interruptible(true));
             TestInterpreter b = TestInterpreter.start(builder -> builder.interruptible(true))) {
            CompletableFuture<SchemeValue> runningA = evalInBackground(a.scheme, "(let loop () (loop))");
            CompletableFuture<SchemeValue> runningB = evalInBackground(b.scheme, "(let loop () (loop))");
            assertInterrupted(a.scheme, runningA);
            Thread.sleep(200);
            assertThat(runningB).isNotDone();
            assertInterrupted(b.scheme, runningB);
        }
    }

    @Test
    void anInterpreterThatIsNotInterruptibleSaysSo() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThatThrownBy(t.scheme::interrupt)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("interruptible");
        }
    }

    private static CompletableFuture<SchemeValue> evalInBackground(SchemeInterpreter scheme, String source) {
        Expression expression = scheme.parse(source);
        return CompletableFuture.supplyAsync(() -> scheme.eval(expression));
    }

    /** Interrupts once the evaluation is surely under way, and checks how it ended. */
    private static void assertInterrupted(SchemeInterpreter scheme, CompletableFuture<SchemeValue> running)
            throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Thread.sleep(100);
        while (!scheme.interrupt()) {
            assertThat(System.nanoTime()).as("the evaluation never started").isLessThan(until);
            Thread.sleep(10);
        }
        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(GuestInterrupted.class)
                .isInstanceOfSatisfying(GuestTrap.class, e -> assertThat(e.kind()).isEqualTo(TrapKind.INTERRUPTED))
                .hasMessageContaining("interrupted");
    }
}
