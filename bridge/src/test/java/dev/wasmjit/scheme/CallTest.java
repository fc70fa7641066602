package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestError;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Java calls Scheme procedures with Java values, and gets Scheme values back. */
class CallTest {

    /** Gives back its arguments as one list, so each argument's conversion shows. */
    private static final String ARGUMENTS = "(define (arguments . xs) xs)";

    @Test
    void aGlobalProcedureIsCalledWithJavaIntegers() {
        try (TestInterpreter t = TestInterpreter.start()) {
            t.scheme.eval("(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))");

            assertThat(t.scheme.call("fib", 20).asInteger()).isEqualTo(6765);
            assertThat(t.scheme.call("+", 1, 2L, (short) 3, (byte) 4, BigInteger.TEN).asInteger()).isEqualTo(20);
        }
    }

    @Test
    void everyKindOfJavaDataArrivesAsTheSchemeValueOfItsKind() {
        try (TestInterpreter t = TestInterpreter.start()) {
            t.scheme.eval(ARGUMENTS);

            SchemeValue received = t.scheme.call("arguments", -7, true, false, "a \"quoted\"\nline",
                    List.of(1, List.of("two"), List.of()), new int[] {1, 2}, new Object[] {"x", false},
                    SchemeValue.symbol("sym"), SchemeValue.list(SchemeValue.integer(9)));

            assertThat(received).hasToString("(-7 #t #f \"a \\\"quoted\\\"\\nline\" (1 (\"two\") ()) #(1 2) #(\"x\" #f) sym (9))");
        }
    }

    @Test
    void aProcedureHandleIsCalledAndPassedToScheme() {
        try (TestInterpreter t = TestInterpreter.start()) {
            t.scheme.eval("(define (square x) (* x x))");
            SchemeProcedure square = t.scheme.procedure("square");

            assertThat(square.call(9).asInteger()).isEqualTo(81);
            assertThat(t.scheme.call("map", square, List.of(1, 2, 3))).hasToString("(1 4 9)");
            t.scheme.eval("(define (square x) (+ x x))");
            assertThat(square.call(9).asInteger()).as("the global is read at each call").isEqualTo(18);
        }
    }

    @Test
    void compiledProceduresAreCalledTheSameWay() {
        try (TestInterpreter t = TestInterpreter.start()) {
            t.scheme.eval("(define (add a b) (+ a b)) (add 1 2)");
            t.scheme.link(t.scheme.jit().orElseThrow());

            assertThat(t.scheme.call("add", 40, 2).asInteger()).isEqualTo(42);
        }
    }

    @Test
    void anUnboundNameAndAFailingCallAreGuestErrors() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThatThrownBy(() -> t.scheme.call("nowhere", 1))
                    .isInstanceOf(GuestError.class).hasMessageStartingWith("unbound variable: nowhere");
            assertThatThrownBy(() -> t.scheme.call("car", 5))
                    .isInstanceOf(GuestError.class).hasMessageStartingWith("wrong type: car");
            assertThat(t.stderrText()).isEmpty();
        }
    }

    @Test
    void aLongBeyondTheFixnumsArrivesAsABignum() {
        try (TestInterpreter t = TestInterpreter.start()) {
            t.scheme.eval(ARGUMENTS);

            assertThat(t.scheme.call("arguments", 1L << 40).asList().get(0).asLong()).isEqualTo(1L << 40);
            assertThat(t.scheme.call("arguments", 1).asList()).hasSize(1);
        }
    }

    @Test
    void valuesWithoutASchemeFormAreRefusedBeforeTheGuestIsCalled() {
        try (TestInterpreter t = TestInterpreter.start(); TestInterpreter other = TestInterpreter.start()) {
            assertThatThrownBy(() -> t.scheme.call("list", (Object) null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argument 1 is null");
            assertThatThrownBy(() -> t.scheme.call("list", SchemeValue.procedure()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SchemeProcedure");
            assertThatThrownBy(() -> t.scheme.call("(car"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the name");
            assertThatThrownBy(() -> t.scheme.call("map", other.scheme.procedure("car"), List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another interpreter");
        }
    }
}
