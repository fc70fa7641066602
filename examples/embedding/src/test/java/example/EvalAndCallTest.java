package example;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.SchemeProcedure;
import dev.wasmjit.scheme.SchemeValue;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The library from a user's project: eval of text and calls with Java values, printing nothing. */
class EvalAndCallTest {

    @Test
    void evalAndCallsWithEveryKindOfJavaValuePrintNothing() throws Exception {
        String console = Console.writtenBy(() -> {
            try (SchemeInterpreter scheme = SchemeInterpreter.builder().build()) {
                assertThat(scheme.eval("(define (args . xs) xs) (define (square x) (* x x)) (+ 1 2)").asInteger())
                        .isEqualTo(3);
                SchemeProcedure square = scheme.procedure("square");

                SchemeValue received = scheme.call("args", 7, 8L, BigInteger.valueOf(9), "text", true,
                        List.of(1, List.of("a")), new int[] {1, 2}, new String[] {"x"}, SchemeValue.symbol("s"));

                assertThat(received).hasToString("(7 8 9 \"text\" #t (1 (\"a\")) #(1 2) #(\"x\") s)");
                assertThat(square.call(12).asInteger()).isEqualTo(144);
                assertThat(scheme.call("map", square, List.of(1, 2, 3)).asList())
                        .extracting(SchemeValue::asInteger).containsExactly(1, 4, 9);
                assertThatThrownBy(() -> scheme.call("car", List.of())).isInstanceOf(GuestError.class);
            }
        });
        assertThat(console).as("what the library printed").isEmpty();
    }

    @Test
    void floatsCharactersBytevectorsAndBigIntegersArriveAsTheirKinds() throws Exception {
        String console = Console.writtenBy(() -> {
            try (SchemeInterpreter scheme = SchemeInterpreter.builder().build()) {
                scheme.eval("(define (args . xs) xs)");
                List<SchemeValue> values = scheme.call("args", 1.5, 'c', new byte[] {1, 2}, BigInteger.ONE.shiftLeft(40)).asList();
                assertThat(values).extracting(SchemeValue::kind).containsExactly(SchemeValue.Kind.REAL,
                        SchemeValue.Kind.CHARACTER, SchemeValue.Kind.BYTEVECTOR, SchemeValue.Kind.INTEGER);
                assertThat(values.get(3).asBigInteger()).isEqualTo(BigInteger.ONE.shiftLeft(40));
                assertThatThrownBy(() -> scheme.eval("(car '())")).isInstanceOf(GuestError.class);
                assertThat(scheme.call("args", 1).asList()).hasSize(1);
            }
        });
        assertThat(console).isEmpty();
    }

    @Test
    void compiledSchemeCallsAJavaProcedure() throws Exception {
        String console = Console.writtenBy(() -> {
            try (SchemeInterpreter scheme = SchemeInterpreter.builder()
                    .define("host-scale", args -> args.get(0).asLong() * 10)
                    .build()) {
                scheme.eval("(define (scaled-sum n) (if (= n 0) 0 (+ (host-scale n) (scaled-sum (- n 1))))) (scaled-sum 3)");
                scheme.link(scheme.jit().orElseThrow());
                assertThat(scheme.compiledFunctionCount().getAsInt()).isPositive();
                assertThat(scheme.call("scaled-sum", 100).asInteger()).isEqualTo(50_500);
            }
        });
        assertThat(console).isEmpty();
    }

    @Test
    void aJavaObjectGoesThroughSchemeAsAHandle() {
        AtomicLong total = new AtomicLong();
        try (SchemeInterpreter scheme = SchemeInterpreter.builder()
                .define("add-to!", args -> args.get(0).asHostObject(AtomicLong.class)
                        .addAndGet(args.get(1).asLong()))
                .build()) {
            scheme.eval("(define (deposit-all account amounts) (for-each (lambda (a) (add-to! account a)) amounts) account)");
            assertThat(scheme.call("deposit-all", total, List.of(1, 2, 3)).asHostObject()).isSameAs(total);
            assertThat(total.get()).isEqualTo(6);
        }
    }

    @Test
    void compiledCodeRunsWhenCalledFromJava() throws Exception {
        try (SchemeInterpreter scheme = SchemeInterpreter.builder().build()) {
            scheme.eval("(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))");
            assertThat(scheme.call("fib", 15).asInteger()).isEqualTo(610);
            scheme.link(scheme.jit().orElseThrow());

            assertThat(scheme.compiledFunctionCount().getAsInt()).isEqualTo(1);
            assertThat(scheme.call("fib", 20).asInteger()).isEqualTo(6765);
        }
    }
}
