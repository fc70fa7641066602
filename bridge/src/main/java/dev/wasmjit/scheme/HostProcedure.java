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
     * Runs inside the evaluation that called it, which waits for it. In an evaluation without a
     * deadline it runs on the interpreter's guest thread. With one, it runs on a thread of the
     * interpreter's own, and the evaluation waits no longer than its deadline: past it, the
     * evaluation ends as a timeout ({@link dev.wasmjit.bridge.GuestTimeout}), this thread is
     * interrupted, and its result, if it comes, is dropped. The arguments and the result cross
     * as text, as {@link SchemeInterpreter#call} does: data of every kind crosses whole, a Java
     * object that is not data as a handle ({@link SchemeValue#hostObject}), and a procedure
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
