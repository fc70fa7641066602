package dev.wasmjit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which module an injected instance runs. Without it (or with neither element set) it is the
 * bundled Scheme guest, {@link dev.wasmjit.scheme.SchemeInterpreter#BUNDLED_RESOURCE}. Set at
 * most one of {@link #resource()} and {@link #file()}.
 *
 * <p>Looked up on the parameter first, then on the method, then on the test class and the
 * classes enclosing it: the nearest one wins.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface GuestModule {

    /**
     * A class-path resource holding the module, resolved as {@link Class#getResource} does from
     * the test class: {@code "/wasm/reactor.wasm"} from the class-path root, a name without a
     * leading slash from the test class's package.
     *
     * @return the resource name, or empty
     */
    String resource() default "";

    /**
     * A file holding the module; a relative path is resolved from the working directory (the
     * module's directory under Maven).
     *
     * @return the path, or empty
     */
    String file() default "";
}
