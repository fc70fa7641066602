package dev.wasmjit.reliability;

import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;

import static org.assertj.core.api.Assertions.assertThat;

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
     * Compiles what ran since the last round and links it, and checks the counts: every
     * function that waited is compiled, none twice, and none waits afterwards.
     *
     * @return how many functions have compiled code afterwards
     */
    static int linkJitRound(SchemeInterpreter scheme) {
        int before = scheme.compiledFunctionCount().orElseThrow();
        int pending = scheme.pendingJitCount().orElseThrow();
        scheme.jit().ifPresent(scheme::link);
        int after = scheme.compiledFunctionCount().orElseThrow();
        assertThat(after).as("functions compiled after a round in which %d waited", pending).isEqualTo(before + pending);
        assertThat(scheme.pendingJitCount().asOptionalInt()).as("functions waiting after a round").hasValue(0);
        return after;
    }
}
