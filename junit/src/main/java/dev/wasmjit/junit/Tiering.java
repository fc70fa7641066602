package dev.wasmjit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tiering of an injected {@link dev.wasmjit.scheme.SchemeInterpreter}
 * ({@link dev.wasmjit.scheme.SchemeInterpreter.Builder#tiering}); without it, manual, the
 * library's default. {@code @Tiering(value = AUTOMATIC, threshold = 2)} compiles whatever runs
 * twice, in the background, so compiled code takes over in the middle of a test's program.
 * Looked up on the parameter, the method, then the class: the nearest one wins.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface Tiering {

    /**
     * The mode.
     *
     * @return off, manual or automatic
     */
    dev.wasmjit.scheme.Tiering.Mode value();

    /**
     * Interpreted entries that make a function hot, for automatic tiering.
     *
     * @return a positive count
     */
    int threshold() default dev.wasmjit.scheme.Tiering.DEFAULT_THRESHOLD;
}
