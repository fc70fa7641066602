package dev.wasmjit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Scheme program an injected {@link dev.wasmjit.scheme.SchemeInterpreter} evaluates before
 * the test body gets it: the code its {@link JitRounds} compile. Its top-level definitions
 * persist (Language v2), so the body can call the procedures it defined, compiled.
 *
 * <pre>{@code
 * @Test
 * void fibRunsCompiled(@Warmup("(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))) (fib 10)")
 *                      @JitRounds(1) SchemeInterpreter scheme) {
 *     assertThat(scheme).runsCompiled(() -> scheme.eval(scheme.parse("(fib 25)")));
 * }
 * }</pre>
 *
 * <p>It is evaluated once for each JIT round, or once when there are none; what it prints is
 * not part of the test's {@link GuestOutput}. If it fails, the parameter cannot be resolved and
 * the test fails with the guest's error. Looked up on the parameter, the method, then the
 * class: the nearest one wins.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface Warmup {

    /**
     * The program's source.
     *
     * @return Scheme source text
     */
    String value();
}
