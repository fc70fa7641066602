package dev.wasmjit.junit;

import dev.wasmjit.scheme.GuestCount;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;


/**
 * Assertions on an interpreter's compiled code, through the guest's counters
 * {@code compiledFunctionCount} (procedures whose compiled code is linked) and
 * {@code pendingJitCount} (procedures that ran interpreted and wait for a JIT round). A guest
 * without these extensions fails every assertion here, saying so. Get one from
 * {@link WasmjitAssertions#assertThat(SchemeInterpreter)}.
 */
public final class SchemeInterpreterAssert extends AbstractAssert<SchemeInterpreterAssert, SchemeInterpreter> {

    SchemeInterpreterAssert(SchemeInterpreter actual) {
        super(actual, SchemeInterpreterAssert.class);
    }

    /**
     * Exactly this many procedures have compiled code linked in.
     *
     * @param expected the count
     * @return this
     */
    public SchemeInterpreterAssert hasCompiledFunctions(int expected) {
        int compiled = compiled();
        if (compiled != expected) {
            failWithActualExpectedAndMessage(compiled, expected,
                    "%nExpecting %d compiled functions in the interpreter but there are %d", expected, compiled);
        }
        return this;
    }

    /**
     * The body compiled and linked code: the guest's compiled-function count grew while it ran.
     *
     * @param body code that runs JIT rounds, such as {@code scheme.jit().ifPresent(scheme::link)}
     * @return this
     */
    public SchemeInterpreterAssert compilesDuring(ThrowingCallable body) {
        int before = compiled();
        run(body);
        int after = compiled();
        if (after <= before) {
            failWithMessage("%nExpecting the compiled-function count to grow while the body ran, but it stayed %d",
                    after);
        }
        return this;
    }

    /**
     * Every procedure that ran during the body ran compiled: there is compiled code, no
     * procedure waited for a JIT round before the body, and none waits after it (a procedure
     * that runs interpreted joins the pending ones, so the pending count staying at zero means
     * none did).
     *
     * @param body code that evaluates, such as {@code () -> scheme.eval(fib)}
     * @return this
     */
    public SchemeInterpreterAssert runsCompiled(ThrowingCallable body) {
        int compiled = compiled();
        if (compiled == 0) {
            failWithMessage("%nExpecting the body to run compiled, but nothing is compiled yet: run jit() and link first");
        }
        int pendingBefore = pending();
        if (pendingBefore != 0) {
            failWithMessage("%nExpecting to tell whether the body runs compiled, but %d procedures already wait for"
                    + " a JIT round before it ran: run jit() and link first", pendingBefore);
        }
        run(body);
        int pendingAfter = pending();
        if (pendingAfter != 0) {
            failWithMessage("%nExpecting the body to run compiled code only, but %d procedures ran interpreted"
                    + " (they now wait for a JIT round)", pendingAfter);
        }
        return this;
    }

    private void run(ThrowingCallable body) {
        try {
            body.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("the body threw " + t, t);
        }
    }

    private int compiled() {
        isNotNull();
        return counter(actual.compiledFunctionCount(), "compiledFunctionCount");
    }

    private int pending() {
        return counter(actual.pendingJitCount(), "pendingJitCount");
    }

    private int counter(GuestCount value, String export) {
        if (value.isEmpty()) {
            failWithMessage("%nExpecting the guest to count its compiled code, but it does not export %s", export);
        }
        return value.getAsInt();
    }
}
