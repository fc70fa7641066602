package dev.wasmjit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an injected {@link dev.wasmjit.bridge.ReactorInstance} is wired to its module's imports
 * and exports (see {@link dev.wasmjit.bridge.ReactorInstance.Builder}). Without it, an instance
 * of the bundled Scheme guest gets the guest's own conventions ({@code env.throw_error},
 * {@code allocateBytes}/{@code freeBytes}) and any other module none of these.
 * Looked up on the parameter, the method, then the class: the nearest one wins.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface Reactor {

    /**
     * The import {@code env.NAME} through which the guest raises an error
     * ({@link dev.wasmjit.bridge.ReactorInstance.Builder#errorImport}).
     *
     * @return the import's name, or empty for none
     */
    String errorImport() default "";

    /**
     * The allocating export, {@code (i32 len) -> i32}; set together with {@link #free()}.
     *
     * @return the export's name, or empty for none
     */
    String allocate() default "";

    /**
     * The freeing export, {@code (i32 ptr) -> ()}; set together with {@link #allocate()}.
     *
     * @return the export's name, or empty for none
     */
    String free() default "";

    /**
     * Classes whose host functions provide the module's {@code env} imports; each needs a
     * constructor without parameters.
     *
     * @return the providers
     */
    Class<? extends HostFunctions>[] hostFunctions() default {};
}
