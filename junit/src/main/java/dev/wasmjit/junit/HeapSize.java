package dev.wasmjit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The heap an injected {@link dev.wasmjit.scheme.SchemeInterpreter} gives each evaluation
 * ({@link dev.wasmjit.scheme.SchemeInterpreter.Builder#heapBytes(int)}); without it, 1 MiB.
 * By default the heap grows from there when live data crowds it, as the interpreter's does
 * ({@link dev.wasmjit.scheme.SchemeInterpreter.Builder#maxHeapBytes(long)}); {@code grows =
 * false} keeps it at exactly this size, for a test that runs out of memory on purpose.
 * Looked up on the parameter, the method, then the class: the nearest one wins.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface HeapSize {

    /**
     * The heap size.
     *
     * @return a positive number of bytes
     */
    int value();

    /**
     * Whether the heap may grow past {@link #value()} when live data crowds it (up to the
     * interpreter's default limit).
     *
     * @return true unless the test needs a heap that stays this size
     */
    boolean grows() default true;
}
