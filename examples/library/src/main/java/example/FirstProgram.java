package example;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;

/** Run Scheme in WebAssembly from Java: evaluate, compile what ran, link it, evaluate again. */
public class FirstProgram {

    /**
     * Prints the first evaluation's result, {@code fib 25 = 121393} after the compiled code ran,
     * and the error of an unbound variable, caught; the interpreter's own output goes to stdout.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (SchemeInterpreter scheme = SchemeInterpreter.builder().build()) {
            Expression fib = scheme.parse("""
                    (letrec ((fib (lambda (n)
                                    (if (< n 2) 1 (+ (fib (- n 1)) (fib (- n 2)))))))
                      (fib 25))
                    """);
            scheme.eval(fib);                          // interpreted; prints "result: 121393"
            scheme.jit().ifPresent(scheme::link);      // compile the functions that ran, link them in
            int value = scheme.eval(fib).asInteger();  // the compiled code runs now
            System.out.println("fib 25 = " + value);

            try {
                scheme.eval(scheme.parse("(+ x 1)"));
            } catch (GuestError e) {                   // the program's error (also on stderr);
                System.out.println("caught: " + e.getMessage()); // the interpreter works on
            }
        }
    }
}
