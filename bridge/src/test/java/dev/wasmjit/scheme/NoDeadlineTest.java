package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestTimeout;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code noDeadline()} means no limit, on a shared engine (the ticker counts the longest
 * deadline it can) and on an interruptible interpreter's own engine (no alarm at all): an
 * evaluation that outlasts a tiny deadline runs to its end.
 */
class NoDeadlineTest {

    private static final Duration TINY = Duration.ofMillis(20);

    /** Takes far longer than {@link #TINY}, and far less than a test may take. */
    private static final String COUNTDOWN = "(let loop ((n 1000000)) (if (eq? n 0) 0 (loop (- n 1))))";

    @Test
    void theCountdownOutlastsATinyDeadline() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.deadline(TINY))) {
            assertThatThrownBy(() -> t.evalInteger(COUNTDOWN)).isInstanceOf(GuestTimeout.class);
        }
    }

    @Test
    void noDeadlineAfterATinyOneLetsTheCountdownRunToItsEnd() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.deadline(TINY).noDeadline())) {
            assertThat(t.scheme.instance().defaultDeadline()).isEmpty();
            assertThat(t.evalInteger(COUNTDOWN)).isZero();
        }
    }

    @Test
    void anInterruptibleInterpreterWithoutDeadlineRunsTheCountdownToItsEndToo() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.interruptible(true).deadline(TINY).noDeadline())) {
            assertThat(t.evalInteger(COUNTDOWN)).isZero();
            assertThat(t.scheme.interrupt()).isFalse(); // nothing runs, and nothing is left armed
            assertThat(t.evalInteger("(+ 1 2)")).isEqualTo(3);
        }
    }
}
