package dev.wasmjit.junit;

import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a method a test factory over Scheme program files: every {@code .scm} file of a
 * directory becomes a container of dynamic tests, one for the interpreted run and one after
 * each JIT round (see {@link SchemeProgram} for the {@code ; expect:}, {@code ; output:} and
 * {@code ; error:} lines). The method takes the {@link SchemeProgramSuite} and returns its tests:
 *
 * <pre>{@code
 * @SchemePrograms(value = "../examples", jitRounds = 1)
 * Stream<DynamicNode> examples(SchemeProgramSuite suite) {
 *     return suite.dynamicTests();
 * }
 * }</pre>
 *
 * <p>Every dynamic test runs on an interpreter of its own, made with the {@link GuestModule},
 * {@link HeapSize} and {@link Deadline} of the method or class, and closed after it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestFactory
@ExtendWith(WasmjitExtension.class)
public @interface SchemePrograms {

    /**
     * Where the programs are: a directory (relative to the working directory, which under
     * Maven is the module's), or {@code classpath:NAME} for a class-path directory such as
     * {@code classpath:programs} (in a directory or a jar).
     *
     * @return the location
     */
    String value();

    /**
     * After how many JIT rounds each program is checked again, beyond its interpreted run.
     * Round {@code k}: compile what ran ({@code jit()}), link it, evaluate the program again.
     *
     * @return zero or more; 1 by default
     */
    int jitRounds() default 1;
}
