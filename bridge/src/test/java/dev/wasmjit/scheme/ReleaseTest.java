package dev.wasmjit.scheme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsed programs give their guest memory back once they have run, unless what they made is still in use. */
class ReleaseTest {

    @Test
    void evaluatingTextManyTimesKeepsGuestMemoryFlat() {
        try (TestInterpreter t = TestInterpreter.start()) {
            t.scheme.eval("(define total 0)");
            for (int i = 0; i < 1_000; i++) {
                t.scheme.eval("(set! total (+ total " + i + "))");
            }
            long before = t.scheme.instance().memory().size();
            for (int i = 0; i < 30_000; i++) {
                t.scheme.eval("(set! total (+ total (string-length \"x\") (car (list " + i + "))))");
            }
            // about 1.5 KB a program when they were kept: 45 MB
            assertThat(t.scheme.instance().memory().size() - before).as("guest memory grown, in bytes")
                    .isLessThan(2L << 20);
            assertThat(t.evalInteger("total")).isEqualTo(499_500 + 30_000 + 449_985_000);
        }
    }

    @Test
    void whatAProgramMadeThatMayStillBeInUseSurvivesItsRelease() {
        try (TestInterpreter t = TestInterpreter.start()) {
            t.scheme.eval("(define (twice x) (* 2 x))");
            t.scheme.eval("(define data '(1 (2 3) #(4 \"five\")))");
            t.scheme.eval("(define text \"a string literal\")");
            t.scheme.eval("(define-syntax swap! (syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))");
            t.scheme.eval("(define p 1) (define q 2) (swap! p q)");
            t.scheme.eval("(define counter (let ((n 0)) (lambda () (set! n (+ n 1)) n)))");
            for (int i = 0; i < 5_000; i++) {  // reuses whatever memory was given back
                t.scheme.eval("(list '" + i + " \"churn\" (+ " + i + " 1))");
            }
            assertThat(t.scheme.eval("(list (twice 21) data text p q (counter) (counter))"))
                    .hasToString("(42 (1 (2 3) #(4 \"five\")) \"a string literal\" 2 1 1 2)");
            assertThat(t.scheme.eval("(let ((a 1) (b 2)) (swap! a b) (list a b))")).hasToString("(2 1)");
        }
    }

    @Test
    void dataReadAtRunTimeKeepsNothingOutsideTheHeap() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.define("host-data", args -> java.util.List.of(1, "two", new int[] {3})))) {
            t.scheme.eval("(define (read-text) (read (open-input-string \"(1 \\\"two\\\" #(3 4) #u8(5))\")))");
            t.scheme.eval("(define (times n f) (let loop ((i 0) (last #f)) (if (< i n) (loop (+ i 1) (f)) last)))");
            t.scheme.eval("(times 1000 read-text) (times 1000 host-data)");
            long before = t.scheme.instance().memory().size();
            assertThat(t.scheme.eval("(times 50000 read-text)")).hasToString("(1 \"two\" #(3 4) #u8(5))");
            assertThat(t.scheme.eval("(times 50000 host-data)")).hasToString("(1 \"two\" #(3))");
            // about 200 bytes a datum when the reader's literals were kept: 20 MB
            assertThat(t.scheme.instance().memory().size() - before).as("guest memory grown, in bytes")
                    .isLessThan(2L << 20);
            assertThat(t.scheme.eval("(let ((d (read-text))) (set-car! d 'changed) (string-set! (cadr d) 0 #\\T) d)"))
                    .as("a copy in the heap, the program's to change").hasToString("(changed \"Two\" #(3 4) #u8(5))");
        }
    }

    @Test
    void aReleasedExpressionCannotBeEvaluatedAndReleasingTwiceIsHarmless() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression sum = t.scheme.parse("(+ 1 2)");
            assertThat(t.scheme.eval(sum).asInteger()).isEqualTo(3);
            sum.release();
            sum.release();
            assertThat(sum.isReleased()).isTrue();
            assertThatThrownBy(() -> t.scheme.eval(sum)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("was released");
            assertThat(t.scheme.eval("(+ 40 2)").asInteger()).isEqualTo(42);
        }
    }

    @Test
    void aProgramThatFailedIsReleasedToo() {
        try (TestInterpreter t = TestInterpreter.start()) {
            long before = 0;
            for (int i = 0; i < 20_000; i++) {
                if (i == 1_000) {
                    before = t.scheme.instance().memory().size();
                }
                assertThatThrownBy(() -> t.scheme.eval("(car (list))")).isInstanceOf(dev.wasmjit.bridge.GuestError.class);
            }
            assertThat(t.scheme.instance().memory().size() - before).as("guest memory grown, in bytes")
                    .isLessThan(2L << 20);
        }
    }
}
