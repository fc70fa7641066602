package dev.wasmjit.scheme;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * The one way the Scheme tests build an interpreter: the bundled guest, output captured. The
 * other modules' tests get theirs injected by dev.wasmjit:junit, which the bridge's tests cannot
 * use: that module depends on the bridge, and Maven refuses the cycle.
 */
final class TestInterpreter implements AutoCloseable {

    static final String FIB_20 = """
            (letrec ((fib (lambda (n)
                            (if (< n 2)
                                1
                                (+ (fib (- n 1))
                                   (fib (- n 2)))))))
              (fib 20))
            """;

    /** Non-tail recursion a million deep: far more than the wasm stack could hold. */
    static final String DEEP_RECURSION = """
            (define (down n) (if (eq? n 0) 0 (+ 1 (down (- n 1)))))
            (down 1000000)
            """;

    final SchemeInterpreter scheme;
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private TestInterpreter(UnaryOperator<SchemeInterpreter.Builder> configure) {
        scheme = configure.apply(SchemeInterpreter.builder().stdout(stdout).stderr(stderr)).build();
    }

    static TestInterpreter start() {
        return new TestInterpreter(b -> b);
    }

    static TestInterpreter start(UnaryOperator<SchemeInterpreter.Builder> configure) {
        return new TestInterpreter(configure);
    }

    int evalInteger(String source) {
        return scheme.eval(scheme.parse(source)).asInteger();
    }

    String stdoutText() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    String stderrText() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        scheme.close();
    }
}
