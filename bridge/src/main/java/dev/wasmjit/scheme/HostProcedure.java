package dev.wasmjit.scheme;

import java.util.List;

/**
 * A Java procedure that Scheme calls as it calls any other, interpreted or compiled, defined
 * with {@link SchemeInterpreter.Builder#define(String, HostProcedure)}:
 * {@code builder.define("host-square", args -> args.get(0).asLong() * args.get(0).asLong())}.
 */
@FunctionalInterface
public interface HostProcedure {

    /**
     * Runs on the interpreter's guest thread, inside the evaluation that called it; the
     * evaluation's deadline does not stop Java code, but the evaluation ends at its deadline
     * once this returns. The arguments and the result cross as text, as
     * {@link SchemeInterpreter#call} does: data of every kind crosses whole, and a procedure
     * arrives as a {@link SchemeValue} that names it but cannot be called.
     *
     * @param arguments the arguments, as many as Scheme passed (check the count yourself)
     * @return the result, converted as {@link SchemeInterpreter#call}'s arguments are, or
     *         null for no value (Scheme sees it as unspecified)
     * @throws Exception any: the Scheme call fails with an error naming the procedure and
     *                   the exception's message, which the program's {@code guard} can catch
     *                   once Scheme has one, and the interpreter stays usable
     */
    Object apply(List<SchemeValue> arguments) throws Exception;
}
