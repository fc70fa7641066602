package dev.wasmjit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Java procedures for an injected {@link dev.wasmjit.scheme.SchemeInterpreter} (or its
 * {@code Builder}): each provider's {@link HostFunctions#hostProcedures()} are defined as
 * Scheme globals ({@link dev.wasmjit.scheme.SchemeInterpreter.Builder#define(String,
 * dev.wasmjit.scheme.HostProcedure)}). The extension makes one provider per interpreter through
 * its constructor without parameters, so a provider may keep state for that interpreter
 * alone. Looked up on the parameter, the method, then the class: the nearest one wins.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface HostProcedures {

    /**
     * The providers, in order; a later one's procedure replaces an earlier one's of the same name.
     *
     * @return classes with a constructor without parameters
     */
    Class<? extends HostFunctions>[] value();
}
