package dev.wasmjit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many JIT rounds an injected {@link dev.wasmjit.scheme.SchemeInterpreter} runs before the
 * test body gets it. A JIT round compiles what has run, and before the body nothing has: so
 * rounds need a {@link Warmup} program, and without one the parameter is not resolved.
 *
 * <p>Round {@code k} (1 to N) is: evaluate the warm-up program, then
 * {@link dev.wasmjit.scheme.SchemeInterpreter#jit()} and
 * {@link dev.wasmjit.scheme.SchemeInterpreter#link link} what it generated. Round 1 must
 * compile something (else the warm-up ran no procedure and the parameter is not resolved);
 * later rounds link whatever new code the previous evaluation ran, possibly none. Zero rounds
 * (the default) evaluate the warm-up program once, if there is one, and compile nothing.
 * Looked up on the parameter, the method, then the class: the nearest one wins.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface JitRounds {

    /**
     * The number of rounds.
     *
     * @return zero or more
     */
    int value();
}
