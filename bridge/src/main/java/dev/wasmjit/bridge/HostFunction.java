package dev.wasmjit.bridge;

import io.github.kawamuray.wasmtime.Val;

import java.util.List;
import java.util.Objects;

/**
 * A Java function the guest imports as {@code env.NAME}. Generated modules importing
 * {@code env.NAME} get it too. If it throws, the guest's call ends with a {@link GuestTrap}
 * of kind {@link TrapKind#HOST_FUNCTION_FAILED} whose cause is the exception; if it throws a
 * {@link GuestTimeout} (having waited until {@link ReactorInstance#callTimeLeft()} ran out),
 * the call ends as one that ran past its deadline.
 *
 * @param name           the import's name within {@code env}
 * @param signature      its type; it must equal the type the module declares
 * @param implementation the Java code
 */
public record HostFunction(String name, FuncSignature signature, Implementation implementation) {

    /** The Java side of a host function. */
    @FunctionalInterface
    public interface Implementation {
        /**
         * Runs on the instance's guest thread, inside the guest's call.
         *
         * @param memory the instance's memory, to read pointers the guest passed
         * @param args   one number per parameter, as Integer, Long, Float or Double
         * @return one number per result; an empty list for none
         */
        List<Number> call(GuestMemory memory, List<Number> args);
    }

    /**
     * Checks the parts.
     *
     * @param name           the import's name
     * @param signature      its type
     * @param implementation the Java code
     */
    public HostFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(implementation, "implementation");
    }

    void invoke(GuestMemory memory, Val[] params, Val[] results) {
        List<Number> args = java.util.Arrays.stream(params).map(NativeTypes::fromVal).toList();
        List<Number> returned = implementation.call(memory, args);
        if (returned.size() != signature.results().size()) {
            throw new IllegalStateException("host function " + name + " returned " + returned.size()
                    + " values for the signature " + signature);
        }
        for (int i = 0; i < results.length; i++) {
            results[i] = NativeTypes.toVal(signature.results().get(i), returned.get(i));
        }
    }
}
