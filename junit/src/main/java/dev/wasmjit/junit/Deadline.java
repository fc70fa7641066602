package dev.wasmjit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

/**
 * The wall-clock deadline of each guest call of an injected instance
 * ({@link dev.wasmjit.scheme.SchemeInterpreter.Builder#deadline},
 * {@link dev.wasmjit.bridge.ReactorInstance.Builder#deadline}); without it, 10 seconds. A call
 * past it ends with a {@link dev.wasmjit.bridge.GuestTimeout}. It bounds a guest call, where
 * JUnit's {@code @Timeout} bounds a test: a guest call cannot be interrupted by JUnit, so a
 * test that times out in a guest call ends when the call's deadline passes.
 * Looked up on the parameter, the method, then the class: the nearest one wins.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface Deadline {

    /**
     * The deadline, in {@link #unit()}s.
     *
     * @return a positive amount
     */
    long value();

    /**
     * The unit of {@link #value()}.
     *
     * @return the unit; seconds by default
     */
    TimeUnit unit() default TimeUnit.SECONDS;
}
