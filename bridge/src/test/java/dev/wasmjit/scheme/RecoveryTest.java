package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestTimeout;
import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.TrapKind;
import dev.wasmjit.nativeconfig.EngineSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** After each kind of failure the same interpreter parses, evaluates and runs linked code. */
class RecoveryTest {

    @Test
    void anUnboundIdentifierIsAGuestErrorAndTheInterpreterWorksOn() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression fib = linkedFib(t);
            assertThatThrownBy(() -> t.scheme.eval(t.scheme.parse("(+ x 1)")))
                    .isInstanceOf(GuestError.class).hasMessageContaining("unbound variable: x");
            assertThat(t.stderrText()).as("the exception reports it, not stderr").isEmpty();
            assertWorksOn(t, fib);
        }
    }

    @Test
    void aParseErrorSaysLineAndColumn() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression fib = linkedFib(t);
            assertThatThrownBy(() -> t.scheme.parse("(+ 1\n  (* 2 3)"))
                    .isInstanceOf(GuestError.class).hasMessageContaining("line").hasMessageContaining("column");
            assertWorksOn(t, fib);
        }
    }

    @Test
    void recursionAMillionDeepRunsInterpretedAndCompiled() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression deep = t.scheme.parse(TestInterpreter.DEEP_RECURSION);
            assertThat(t.scheme.eval(deep).asInteger()).isEqualTo(1_000_000);
            t.scheme.link(t.scheme.jit().orElseThrow());
            assertThat(t.scheme.compiledFunctionCount().asOptionalInt()).hasValue(1);
            assertThat(t.scheme.eval(deep).asInteger()).isEqualTo(1_000_000);
        }
    }

    @Test
    void recursionThroughMapAndALambdaRunsAsDeepCompiledAsInterpreted() {
        String source = """
                (define (f n) (if (= n 0) 0 (car (map (lambda (x) (+ 1 (f (- n 1)))) (list 1)))))
                (define (d k) (if (= k 0) (f 2499) (+ 0 (d (- k 1)))))
                """;
        try (TestInterpreter t = TestInterpreter.start()) {
            t.scheme.eval(t.scheme.parse(source));
            Expression viaMap = t.scheme.parse("(f 2499)");
            Expression compiledBeneath = t.scheme.parse("(d 7990)");
            assertThat(t.scheme.eval(viaMap).asInteger()).isEqualTo(2499);
            assertThat(t.scheme.eval(compiledBeneath).asInteger()).isEqualTo(2499);
            t.scheme.link(t.scheme.jit().orElseThrow());
            assertThat(t.scheme.eval(viaMap).asInteger()).isEqualTo(2499);
            // 7,990 compiled calls hold the wasm stack that the interpreter keeps in linear
            // memory: calls made by map stop short of the engine's limit, with the guest's error.
            assertThatThrownBy(() -> t.scheme.eval(compiledBeneath))
                    .isInstanceOfSatisfying(GuestTrap.class,
                            trap -> assertThat(trap.kind()).isEqualTo(TrapKind.STACK_OVERFLOW))
                    .hasMessageMatching("recursion too deep: more than \\d+ nested calls made by map, for-each or apply");
            assertThat(t.scheme.eval(viaMap).asInteger()).isEqualTo(2499);
        }
    }

    @Test
    void recursionPastTheLimitIsAStackOverflowAndTheInterpreterWorksOn() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.maxNestedCalls(10_000))) {
            Expression fib = linkedFib(t);
            assertThatThrownBy(() -> t.scheme.eval(t.scheme.parse(TestInterpreter.DEEP_RECURSION)))
                    .isInstanceOfSatisfying(GuestTrap.class,
                            trap -> assertThat(trap.kind()).isEqualTo(TrapKind.STACK_OVERFLOW))
                    .hasMessage("recursion too deep: more than 10000 nested calls")
                    .hasCauseInstanceOf(GuestError.class);
            assertWorksOn(t, fib);
        }
    }

    @Test
    void anExhaustedHeapIsOutOfMemoryAndTheInterpreterWorksOn() {
        // A heap that may not grow: each evaluation gets exactly the size it asks for.
        try (TestInterpreter t = TestInterpreter.start(b -> b.maxHeapBytes(0))) {
            Expression fib = linkedFib(t);
            Expression closures = t.scheme.parse("""
                    (letrec ((nest (lambda (n) (if (eq? n 0) (lambda (x) x)
                                                   ((lambda (k) (lambda (y) (k y))) (nest (- n 1)))))))
                      ((nest 1000) 7))
                    """);
            assertThatThrownBy(() -> t.scheme.eval(closures, 4096))
                    .isInstanceOfSatisfying(GuestTrap.class,
                            trap -> assertThat(trap.kind()).isEqualTo(TrapKind.OUT_OF_MEMORY))
                    .hasMessageStartingWith("heap exhausted");
            // the largest heap an evaluation can ask for, 2 GiB, is two blocks of 1 GiB: had
            assertThat(t.scheme.eval(closures, Integer.MAX_VALUE).asInteger()).isEqualTo(7);
            assertThat(t.scheme.eval(closures).asInteger()).isEqualTo(7);
            assertWorksOn(t, fib);
        }
    }

    @Test
    void symbolsMadeWithoutEndMeetTheHeapLimitAndTheInterpreterWorksOn() {
        // Symbols are never collected: they count against the heap's limit (2 MiB here).
        try (TestInterpreter t = TestInterpreter.start(b -> b.maxHeapBytes(2 << 20))) {
            Expression fib = linkedFib(t);
            Expression symbols = t.scheme.parse("(let make ((i 0)) (string->symbol (number->string i)) (make (+ i 1)))");
            assertThatThrownBy(() -> t.scheme.eval(symbols))
                    .isInstanceOfSatisfying(GuestTrap.class,
                            trap -> assertThat(trap.kind()).isEqualTo(TrapKind.OUT_OF_MEMORY))
                    .hasMessageMatching("heap exhausted: symbols take \\d+ bytes, the most the 2097152-byte heap allows");
            assertWorksOn(t, fib);
            assertThat(t.evalInteger("(string-length (symbol->string (string->symbol \"1000\")))")).isEqualTo(4);
        }
    }

    @Test
    void aNulCharacterIsAParseErrorNotASilentEndOfTheSource() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThatThrownBy(() -> t.scheme.parse("(+ 1\n  2)\0 (unbound)"))
                    .isInstanceOf(GuestError.class)
                    .hasMessage("parse error at line 2, column 5: NUL character in the source");
            assertThat(t.evalInteger("(+ 1 2)")).isEqualTo(3);
        }
    }

    @Test
    void aWasmStackOverflowTrapsAndTheInterpreterWorksOn() {
        // Compiled code recurses on the wasm stack until it hands over to the interpreter
        // 8,000 calls deep; 64 KiB of wasm stack runs out long before that.
        EngineSettings smallStack = EngineSettings.defaults().withMaxWasmStackBytes(64 << 10);
        try (TestInterpreter t = TestInterpreter.start(b -> b.engineSettings(smallStack))) {
            Expression fib = linkedFib(t);
            t.scheme.eval(t.scheme.parse("(define (down n) (if (eq? n 0) 0 (+ 1 (down (- n 1))))) (down 10)"));
            t.scheme.link(t.scheme.jit().orElseThrow());
            int stackPointer = t.scheme.instance().requireFunction("stackPointer").callI32();
            Expression deep = t.scheme.parse("(down 5000)");
            assertThatThrownBy(() -> t.scheme.eval(deep))
                    .isInstanceOfSatisfying(GuestTrap.class,
                            trap -> assertThat(trap.kind()).isEqualTo(TrapKind.STACK_OVERFLOW))
                    .hasMessageContaining("stack overflow");
            assertThat(t.scheme.instance().requireFunction("stackPointer").callI32()).isEqualTo(stackPointer);
            assertWorksOn(t, fib);
        }
    }

    @Test
    void anEndlessLoopTimesOutAndTheInterpreterWorksOn() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression fib = linkedFib(t);
            Expression loop = t.scheme.parse("(letrec ((f (lambda (n) (f n)))) (f 1))");
            assertThatThrownBy(() -> t.scheme.eval(loop, SchemeInterpreter.DEFAULT_HEAP_BYTES, Duration.ofMillis(300)))
                    .isInstanceOf(GuestTimeout.class);
            assertWorksOn(t, fib);
        }
    }

    @Test
    void aDeadlineThatStopsACollectionLeavesTheHeapWhole() {
        // 200,000 live pairs (4.8 MB) in a heap that may not grow past 5 MiB a half: each
        // collection copies nearly all of it and frees little, so the churn below spends most of
        // its time collecting, and its deadlines mostly land inside a collection. The next call
        // finishes the stopped collection before anything reads the heap.
        int heap = 10 << 20;
        try (TestInterpreter t = TestInterpreter.start(b -> b.maxHeapBytes(0))) {
            t.scheme.eval(t.scheme.parse("""
                    (define kept (let build ((i 0) (acc '())) (if (= i 200000) acc (build (+ i 1) (cons i acc)))))
                    (define (sum xs) (let add ((xs xs) (s 0)) (if (null? xs) s (add (cdr xs) (+ s (car xs))))))
                    """), heap);
            Expression check = t.scheme.parse("(list (length kept) (sum kept) (car kept) (vector-ref (vector 'a 'b) 1))");
            Expression churn = t.scheme.parse("(let churn ((i 0)) (cons i i) (churn (+ i 1)))");
            for (int round = 0; round < 8; round++) {
                Duration deadline = Duration.ofMillis(50 + 7 * round);
                assertThatThrownBy(() -> t.scheme.eval(churn, heap, deadline))
                        .isInstanceOf(GuestTimeout.class);
                assertThat(t.scheme.eval(check, heap)).hasToString("(200000 19999900000 199999 b)");
            }
        }
    }

    private static Expression linkedFib(TestInterpreter t) {
        Expression fib = t.scheme.parse(TestInterpreter.FIB_20);
        t.scheme.eval(fib);
        t.scheme.link(t.scheme.jit().orElseThrow());
        return fib;
    }

    private static void assertWorksOn(TestInterpreter t, Expression linkedFib) {
        int compiled = t.scheme.compiledFunctionCount().orElseThrow();
        assertThat(t.scheme.eval(linkedFib).asInteger()).isEqualTo(10946);
        assertThat(t.evalInteger("(+ 40 2)")).isEqualTo(42);
        assertThat(t.scheme.compiledFunctionCount().asOptionalInt()).hasValue(compiled);
    }
}
