package dev.wasmjit.scheme;

/** A whole JVM's worth of the library: what a user's first program does, nothing more. */
public final class Fib20Main {

    public static void main(String[] args) {
        try (SchemeInterpreter scheme = SchemeInterpreter.builder().build()) {
            Expression program = scheme.parse(TestInterpreter.FIB_20);
            System.out.println(scheme.eval(program));
            scheme.jit().ifPresent(scheme::link);
            System.out.println(scheme.eval(program));
        }
    }
}
