package dev.wasmjit.scheme;

import dev.wasmjit.bridge.DeadlineBounds;
import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.HostCallImports;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scheme calls Java: procedures defined with {@link SchemeInterpreter.Builder#define(String, HostProcedure)}. */
class HostProcedureTest {

    private static final HostProcedure ADD = args -> args.get(0).asLong() + args.get(1).asLong();

    @Test
    void schemeCallsAJavaProcedureInterpretedAndCompiled() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.define("host-add", ADD))) {
            t.scheme.eval("(define (next n) (host-add n 1))");
            assertThat(t.scheme.eval("(next 41)").asInteger()).as("interpreted").isEqualTo(42);

            t.scheme.link(t.scheme.jit().orElseThrow());

            assertThat(t.scheme.compiledFunctionCount().getAsInt()).as("next is compiled").isPositive();
            assertThat(t.scheme.eval("(let loop ((i 0) (sum 0)) (if (< i 1000) (loop (+ i 1) (next sum)) sum))")
                    .asInteger()).as("compiled next calls Java 1000 times").isEqualTo(1000);
            assertThat(t.scheme.eval("(map host-add '(1 2) '(10 20))")).as("a first-class value").hasToString("(11 22)");
        }
    }

    @Test
    void argumentsArriveAsSchemeValuesAndResultsGoBackAsSchemeData() {
        List<SchemeValue> received = new ArrayList<>();
        try (TestInterpreter t = TestInterpreter.start(b -> b
                .define("host-keep", args -> {
                    received.addAll(args);
                    return null;
                })
                .define("host-data", args -> List.of("λ", 2.5, new BigInteger("123456789012345678901234567890"),
                        'x', new byte[] {1, 2}, new int[] {7})))) {
            assertThat(t.scheme.eval("(host-keep \"λ\" 1/3 2.5 #\\a '(1 (2)) (vector 'v) #u8(9) car)").isUnspecified()).isTrue();
            assertThat(received).hasSize(8);
            assertThat(received.get(0).asString()).isEqualTo("λ");
            assertThat(received.get(1)).hasToString("1/3");
            assertThat(received.get(2).asDouble()).isEqualTo(2.5);
            assertThat(received.get(3).asChar()).isEqualTo('a');
            assertThat(received.get(4)).hasToString("(1 (2))");
            assertThat(received.get(5).asVector()).hasSize(1);
            assertThat(received.get(7).isProcedure()).as("a procedure arrives named, not callable").isTrue();

            assertThat(t.scheme.eval("(host-data)"))
                    .hasToString("(\"λ\" 2.5 123456789012345678901234567890 #\\x #u8(1 2) #(7))");
            assertThat(t.scheme.eval("(string-length (car (host-data)))").asInteger()).isEqualTo(1);
        }
    }

    @Test
    void aJavaExceptionFailsTheSchemeCallNamingTheProcedureAndTheInterpreterGoesOn() {
        try (TestInterpreter t = TestInterpreter.start(b -> b
                .define("host-fail", args -> {
                    throw new IllegalStateException("the account is closed");
                })
                .define("host-null-element", args -> java.util.Arrays.asList(1, null)))) {
            assertThatThrownBy(() -> t.scheme.eval("(+ 1 (host-fail))")).isInstanceOf(GuestError.class)
                    .hasMessageContaining("host-fail: the account is closed");
            assertThatThrownBy(() -> t.scheme.eval("(host-null-element)")).isInstanceOf(GuestError.class)
                    .hasMessageContaining("host-null-element: element 1 of the result of host-null-element is null");
            assertThat(t.scheme.eval("(+ 1 2)").asInteger()).isEqualTo(3);
        }
    }

    @Test
    void aJavaExceptionIsAConditionThatGuardTakes() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.define("host-fail", args -> {
            throw new IllegalStateException("the account is closed");
        }))) {
            assertThat(t.scheme.eval("(guard (e ((error-object? e) (error-object-message e))) (host-fail))").toString())
                    .contains("host-fail: the account is closed");
        }
    }

    @Test
    void aJavaProcedureThatOutlivesTheDeadlineEndsTheCallAtTheDeadlineAndIsInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (TestInterpreter t = TestInterpreter.start(b -> b
                .deadline(DeadlineBounds.SHORTEST)
                .define("host-add", ADD)
                .define("host-wait", args -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    return 0;
                }))) {
            DeadlineBounds.assertTimesOutAt(DeadlineBounds.SHORTEST, () -> t.scheme.eval("(+ 1 (host-wait))"));
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the procedure's thread is interrupted").isTrue();
            assertThat(t.scheme.eval("(host-add 40 2)").asInteger()).as("the interpreter works on").isEqualTo(42);
        }
    }

    @Test
    void withoutDefinitionsHostCallIsOneClearError() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThatThrownBy(() -> t.scheme.eval("(host-call 0 '())")).isInstanceOf(GuestError.class)
                    .hasMessageContaining(HostCallImports.NO_PROCEDURES);
        }
        try (TestInterpreter t = TestInterpreter.start(b -> b.define("host-add", ADD))) {
            assertThatThrownBy(() -> t.scheme.eval("(host-call 5 '())")).isInstanceOf(GuestError.class)
                    .hasMessageContaining("no host procedure 5");
        }
    }

    @Test
    void definingPrintsNothingEvenWithResultLines() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.resultLines(true).define("host-add", ADD))) {
            assertThat(t.stdoutText()).isEmpty();
            assertThat(t.scheme.eval("(host-add 1 2)").asInteger()).isEqualTo(3);
            assertThat(t.stdoutText()).isEqualTo("result: 3\n");
        }
    }

    @Test
    void aNameThatIsNotASymbolIsRefusedAtOnce() {
        assertThatThrownBy(() -> SchemeInterpreter.builder().define("two words", ADD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two words");
    }
}
