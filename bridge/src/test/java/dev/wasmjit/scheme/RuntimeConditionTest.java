package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestExit;
import dev.wasmjit.bridge.GuestTimeout;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runtime errors are conditions that {@code guard} takes, through the host's nested call
 * ({@code env.catch_errors}); what is not a guest error still ends the call.
 */
class RuntimeConditionTest {

    @Test
    void guardTakesAWrongTypeErrorAndNothingReachesStderr() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThat(t.scheme.eval(t.scheme.parse("(list (guard (e ((error-object? e) (error-object-message e))) (car 1)) 'after)")))
                    .hasToString("(\"wrong type: car expects a pair as argument 1, got the integer 1\" after)");
            assertThat(t.stderrText()).isEmpty();
        }
    }

    @Test
    void errorsCaughtInCompiledCodeLeaveTheInterpreterWhole() {
        try (TestInterpreter t = TestInterpreter.start()) {
            t.scheme.eval(t.scheme.parse("""
                    (define (sum l) (if (null? l) 0 (+ (car l) (sum (cdr l)))))
                    (define (try l) (guard (e (#t 'bad)) (sum l)))
                    (define (count-bad n) (let loop ((i 0) (bad 0))
                      (if (= i n) bad (loop (+ i 1) (if (eq? (try (list 1 2 (if (odd? i) 'x 3))) 'bad) (+ bad 1) bad)))))
                    (count-bad 10)
                    """));
            t.scheme.link(t.scheme.jit().orElseThrow());
            assertThat(t.evalInteger("(count-bad 2000)")).isEqualTo(1000);
            // each caught error gave back its roots, depths and activations
            assertThat(t.scheme.eval(t.scheme.parse(TestInterpreter.DEEP_RECURSION)).asInteger()).isEqualTo(1_000_000);
            assertThat(t.stderrText()).isEmpty();
        }
    }

    @Test
    void anErrorNoClauseTakesIsAGuestErrorWithItsOwnMessage() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThatThrownBy(() -> t.scheme.eval(t.scheme.parse("(guard (e ((string? e) 'no)) (vector-ref (vector) 0))")))
                    .isInstanceOf(GuestError.class).hasMessage("index out of range: vector-ref index 0, length 0");
            assertThat(t.evalInteger("(+ 40 2)")).isEqualTo(42);
        }
    }

    @Test
    void aDeadlineInsideAGuardIsStillATimeout() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression loop = t.scheme.parse("(guard (e (#t 'caught)) (let spin ((i 0)) (spin (+ i 1))))");
            assertThatThrownBy(() -> t.scheme.eval(loop, SchemeInterpreter.DEFAULT_HEAP_BYTES, Duration.ofMillis(300)))
                    .isInstanceOf(GuestTimeout.class);
            assertThat(t.scheme.eval(t.scheme.parse("(guard (e (#t 'caught)) (car 1))"))).hasToString("caught");
        }
    }

    @Test
    void exitInsideAGuardIsStillAnExit() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThatThrownBy(() -> t.scheme.eval(t.scheme.parse("(guard (e (#t 'caught)) (exit 3))")))
                    .isInstanceOfSatisfying(GuestExit.class, exit -> assertThat(exit.code()).isEqualTo(3));
            assertThat(t.evalInteger("(guard (e (#t 0)) (+ 40 2))")).isEqualTo(42);
        }
    }
}
