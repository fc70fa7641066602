package dev.wasmjit.reliability;

/** The Scheme programs the scenarios share. */
final class Programs {

    /** Ten thousand nine hundred and forty-six, through a non-tail recursive function. */
    static final String FIB_20 = """
            (letrec ((fib (lambda (n)
                            (if (< n 2)
                                1
                                (+ (fib (- n 1)) (fib (- n 2)))))))
              (fib 20))
            """;
    static final int FIB_20_RESULT = 10946;

    /** A tail call to itself for ever: only a deadline ends it. */
    static final String ENDLESS_LOOP = "(letrec ((f (lambda (n) (f n)))) (f 1))";

    /** Non-tail recursion a million deep: far beyond what the wasm stack holds, within the nesting limit. */
    static final String MILLION_DEEP = """
            (letrec ((down (lambda (n) (if (eq? n 0) 0 (+ 1 (down (- n 1)))))))
              (down 1000000))
            """;

    /** Builds a chain of N closures, each holding the previous one, and calls the last. */
    static String closureChain(int n) {
        return """
                (letrec ((nest (lambda (n) (if (eq? n 0) (lambda (x) x)
                                               ((lambda (k) (lambda (y) (k y))) (nest (- n 1)))))))
                  ((nest %d) 7))
                """.formatted(n);
    }

    /** Doubles 1 thirty times: the last doubling leaves the 31-bit integer range. */
    static final String DOUBLING_OVERFLOW = """
            (letrec ((double (lambda (n) (if (eq? n 0) 1 (* 2 (double (- n 1)))))))
              (double 30))
            """;

    /** The largest integer the guest can hold, 2^30 - 1. */
    static final int MAX_INTEGER = (1 << 30) - 1;

    /** The smallest, -2^30. */
    static final int MIN_INTEGER = -(1 << 30);

    private Programs() {
    }
}
