package dev.wasmjit.bench;

import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;

/**
 * A fresh instance prepared so that its next evaluation of a program is the first of its
 * kind, in one of three ways: in a statically linked module (the snapshotted handle, no
 * {@code jitModule} call), right after a dynamic JIT link, or interpreted. Everything but
 * that evaluation happens when it is prepared, so timing {@link #evaluate()} times the first
 * evaluation alone.
 */
public final class FirstEvaluation implements AutoCloseable {

    private final SchemeInterpreter scheme;
    private final Expression expression;
    private final Program program;

    private FirstEvaluation(SchemeInterpreter scheme, Expression expression, Program program) {
        this.scheme = scheme;
        this.expression = expression;
        this.program = program;
    }

    /**
     * A fresh instance of a statically linked module, evaluating its snapshotted handle.
     *
     * @param snapshot the module and the handle
     * @return the instance, ready for {@link #evaluate()}; the caller closes it
     */
    public static FirstEvaluation staticallyLinked(StaticSnapshot snapshot) {
        SchemeInterpreter scheme = snapshot.guest().open();
        return new FirstEvaluation(scheme, scheme.expressionAt(snapshot.expression()), snapshot.program());
    }

    /**
     * A fresh instance of the guest right after its dynamic JIT link: the program parsed,
     * evaluated once interpreted, and one JIT round linked.
     *
     * @param guest   the guest
     * @param program the program
     * @return the instance, ready for {@link #evaluate()}; the caller closes it
     * @throws IllegalStateException if the JIT round compiles nothing
     */
    public static FirstEvaluation afterLiveLink(Guest guest, Program program) {
        SchemeInterpreter scheme = guest.open();
        Expression expression = scheme.parse(program.source());
        SeedProtocol.evalTimes(scheme, expression, program, 1);
        if (scheme.jit().map(scheme::link).isEmpty()) {
            scheme.close();
            throw new IllegalStateException("the JIT round compiled nothing for " + program.name());
        }
        return new FirstEvaluation(scheme, expression, program);
    }

    /**
     * A fresh instance of the guest with the program parsed: its first evaluation is interpreted.
     *
     * @param guest   the guest
     * @param program the program
     * @return the instance, ready for {@link #evaluate()}; the caller closes it
     */
    public static FirstEvaluation interpreted(Guest guest, Program program) {
        SchemeInterpreter scheme = guest.open();
        return new FirstEvaluation(scheme, scheme.parse(program.source()), program);
    }

    /**
     * Evaluates the program, checked. The first call is the evaluation under measurement;
     * later calls evaluate again in the same instance, for comparison.
     *
     * @return its time in nanoseconds (returned so that nothing is optimised away)
     * @throws IllegalStateException on a wrong result
     */
    public long evaluate() {
        return SeedProtocol.evalTimes(scheme, expression, program, 1);
    }

    /** Frees the instance. */
    @Override
    public void close() {
        scheme.close();
    }
}
