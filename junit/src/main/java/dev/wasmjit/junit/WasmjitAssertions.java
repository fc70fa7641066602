package dev.wasmjit.junit;

import dev.wasmjit.bridge.LinkReport;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.SchemeValue;
import org.assertj.core.api.Assertions;

/**
 * AssertJ's {@link Assertions} with assertions for guest results, late links and compiled code
 * added: one static import serves both.
 *
 * <pre>{@code
 * import static dev.wasmjit.junit.WasmjitAssertions.assertThat;
 *
 * assertThat(scheme.eval(fib)).isInteger(121393);
 * assertThat(scheme.link(scheme.jit().orElseThrow())).linkedFunctions(3);
 * assertThat(scheme).runsCompiled(() -> scheme.eval(fib));
 * }</pre>
 */
public class WasmjitAssertions extends Assertions {

    /** Only for subclasses that add assertions of their own; the methods are static. */
    protected WasmjitAssertions() {
    }

    /**
     * Assertions on a Scheme value.
     *
     * @param actual the value, such as an evaluation's result
     * @return the assertion object
     */
    public static SchemeValueAssert assertThat(SchemeValue actual) {
        return new SchemeValueAssert(actual);
    }

    /**
     * Assertions on what a late link added.
     *
     * @param actual the report of a link
     * @return the assertion object
     */
    public static LinkReportAssert assertThat(LinkReport actual) {
        return new LinkReportAssert(actual);
    }

    /**
     * Assertions on an interpreter's compiled code.
     *
     * @param actual the interpreter
     * @return the assertion object
     */
    public static SchemeInterpreterAssert assertThat(SchemeInterpreter actual) {
        return new SchemeInterpreterAssert(actual);
    }
}
