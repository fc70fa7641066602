package dev.wasmjit.reliability;

import dev.wasmjit.junit.WasmjitTest;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continuations are ordinary heap objects: escaping through {@code call/cc} a million times,
 * and capturing ten thousand continuations deep in a recursion and dropping them, leave guest
 * memory where it was once warm.
 */
@WasmjitTest
class ContinuationSoakTest {

    /**
     * How much guest memory may grow over the soak: 4 MiB. Each continuation captured 200 calls
     * deep copies about 4 KiB of the interpreter's pending work, so ten thousand kept would take
     * 40 MiB; an escape that kept anything would take more than a byte each of the million.
     */
    private static final long GROWTH_BOUND = 4L << 20;

    private static final String DEFINITIONS = """
            (define (escapes n)
              (let loop ((i 0))
                (if (< i n) (begin (call/cc (lambda (k) (k i))) (loop (+ i 1))) i)))
            (define kept '())
            (define (deep n thunk) (if (= n 0) (thunk) (+ 1 (deep (- n 1) thunk))))
            (define (capture-and-drop n)
              (let loop ((i 0))
                (if (< i n)
                    (begin
                      (deep 200 (lambda ()
                                  (call/cc (lambda (k) (set! kept (cons k (if (> (length kept) 50) '() kept)))))
                                  0))
                      (loop (+ i 1)))
                    (length kept))))
            """;

    @Test
    void aMillionEscapesAndTenThousandDroppedContinuationsLeaveGuestMemoryFlat(SchemeInterpreter scheme) {
        scheme.eval(DEFINITIONS);
        scheme.eval("(escapes 1000)");
        scheme.eval("(capture-and-drop 1000)"); // memory grows to its working size here
        long before = scheme.instance().memory().size();

        assertThat(scheme.eval("(escapes 1000000)")).hasToString("1000000");
        for (int i = 0; i < 10; i++) {
            assertThat(scheme.eval("(capture-and-drop 1000)").toString()).matches("\\d+");
        }

        assertThat(scheme.instance().memory().size() - before).as("guest memory grown, in bytes")
                .isLessThan(GROWTH_BOUND);
        assertThat(scheme.collectionCount().orElseThrow())
                .as("collections in the last evaluation: the continuations it dropped were collected").isPositive();
    }
}
