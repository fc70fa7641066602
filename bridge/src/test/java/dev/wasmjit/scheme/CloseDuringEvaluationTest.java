package dev.wasmjit.scheme;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * close() from another thread while an evaluation with a 600 s deadline runs returns within
 * seconds, and the evaluation does not run on to its deadline.
 */
class CloseDuringEvaluationTest {

    private static final Duration LONG = Duration.ofSeconds(600);
    private static final long PROMPTLY_MS = 3_000;

    @Test
    void anInterruptibleInterpreterIsInterruptedThroughItsEpochAndFreed() throws Exception {
        assertClosesPromptlyAndTheEvaluationEnds(SchemeInterpreter.builder().interruptible(true), "(let loop () (loop))");
    }

    @Test
    void onASharedEngineCloseReturnsAtOnceAndAnEvaluationThatPrintsEndsAtItsNextOutput() throws Exception {
        assertClosesPromptlyAndTheEvaluationEnds(SchemeInterpreter.builder(),
                "(let loop ((i 0)) (display i) (newline) (loop (+ i 1)))");
    }

    /** close() during the program returns promptly; the evaluation ends closed and its thread goes. */
    private static void assertClosesPromptlyAndTheEvaluationEnds(SchemeInterpreter.Builder builder, String program)
            throws Exception {
        long baseline = GuestThreads.count();
        SchemeInterpreter scheme = builder.deadline(LONG).stdout(OutputStream.nullOutputStream()).build();
        CompletableFuture<SchemeValue> running = evalInBackground(scheme, program);

        long closing = System.nanoTime();
        scheme.close();
        assertThat(elapsedMs(closing)).as("close() took, ms").isLessThan(PROMPTLY_MS);

        assertEndsClosed(running);
        GuestThreads.awaitAtMost(baseline);
    }

    @Test
    void onASharedEngineCloseDoesNotWaitForASilentEvaluationWhichFreesTheInterpreterAtItsDeadline() throws Exception {
        long baseline = GuestThreads.count();
        SchemeInterpreter scheme = SchemeInterpreter.builder().deadline(Duration.ofSeconds(2))
                .stdout(OutputStream.nullOutputStream()).build();
        CompletableFuture<SchemeValue> running = evalInBackground(scheme, "(let loop () (loop))");

        long closing = System.nanoTime();
        scheme.close();
        assertThat(elapsedMs(closing)).as("close() took, ms").isLessThan(1_000);

        assertEndsClosed(running);
        GuestThreads.awaitAtMost(baseline);
    }

    /** Starts the evaluation and returns once it is under way in the guest. */
    private static CompletableFuture<SchemeValue> evalInBackground(SchemeInterpreter scheme, String source)
            throws InterruptedException {
        Expression program = scheme.parse(source);
        CompletableFuture<SchemeValue> running = CompletableFuture.supplyAsync(() -> scheme.eval(program));
        Thread.sleep(300);
        assertThat(running).isNotDone();
        return running;
    }

    private static void assertEndsClosed(CompletableFuture<SchemeValue> running) {
        assertThatThrownBy(() -> running.get(PROMPTLY_MS, TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static long elapsedMs(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
