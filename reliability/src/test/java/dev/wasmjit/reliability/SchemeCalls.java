package dev.wasmjit.reliability;

import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;

/**
 * The steps the reliability tests take on an interpreter, whichever way they got it: injected
 * by dev.wasmjit:junit's {@code @WasmjitTest}, or built from an injected
 * {@code SchemeInterpreter.Builder} where a test makes many.
 */
final class SchemeCalls {

    private SchemeCalls() {
    }

    static int evalInteger(SchemeInterpreter scheme, String source) {
        return scheme.eval(scheme.parse(source)).asInteger();
    }

    /** Parses and evaluates once, so that the program's functions wait for the next JIT round. */
    static Expression parseAndRun(SchemeInterpreter scheme, String source) {
        Expression expression = scheme.parse(source);
        scheme.eval(expression);
        return expression;
    }

    /**
     * Compiles what ran since the last round and links it.
     *
     * @return how many functions have compiled code afterwards
     */
    static int linkJitRound(SchemeInterpreter scheme) {
        scheme.jit().ifPresent(scheme::link);
        return scheme.compiledFunctionCount().orElseThrow();
    }
}
