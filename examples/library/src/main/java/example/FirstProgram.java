package example;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.scheme.SchemeInterpreter;

/** Run Scheme in WebAssembly from Java: evaluate, call, compile what ran, link it, call again. */
public class FirstProgram {

    /**
     * Prints fib 25 interpreted and compiled, then the error of an unbound variable, caught.
     * The interpreter itself prints nothing.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (SchemeInterpreter scheme = SchemeInterpreter.builder().build()) {
            scheme.eval("(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))");
            System.out.println("interpreted: " + scheme.call("fib", 25).asInteger());
            scheme.jit().ifPresent(scheme::link);      // compile the procedures that ran, link them in
            System.out.println("compiled: " + scheme.call("fib", 25).asInteger());
            System.out.println(scheme.eval("(map fib '(1 2 3 4 5))").asList());

            try {
                scheme.eval("(+ x 1)");
            } catch (GuestError e) {                   // the program's error; the interpreter works on
                System.out.println("caught: " + e.getMessage());
            }
        }
    }
}
