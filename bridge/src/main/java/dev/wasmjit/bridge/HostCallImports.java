package dev.wasmjit.bridge;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The two imports through which Scheme calls a procedure the host defines
 * ({@code SchemeInterpreter.Builder.define}): {@code env.host_call(procedure, text, size) -> i32}
 * hands over the arguments' written text and answers how long the answer is (its length, or
 * {@code -(length + 1)} for an error message); {@code env.host_result(into)} copies the answer
 * into a buffer of that length the guest allocated. Every host of the guest must define them;
 * one that gives no {@link HostFunction} of these names gets a host with no procedures, whose
 * every call fails with {@value #NO_PROCEDURES}.
 */
public final class HostCallImports {

    /** {@code (i32 procedure, i32 text, i32 size) -> i32}: the answer's length, negative for an error. */
    public static final String HOST_CALL = "host_call";

    /** {@code (i32 into) -> ()}: copies the answer of the last {@link #HOST_CALL}. */
    public static final String HOST_RESULT = "host_result";

    /** The error of a call to a host that defines no procedures. */
    public static final String NO_PROCEDURES = "this host defines no procedures";

    private HostCallImports() {
    }

    /** The answer of a host without procedures, for an {@code env} import of this name; null for other names. */
    static HostFunction withoutProcedures(String name) {
        byte[] message = NO_PROCEDURES.getBytes(StandardCharsets.UTF_8);
        return switch (name) {
            case HOST_CALL -> new HostFunction(HOST_CALL, FuncSignature.i32(3, 1),
                    (memory, args) -> List.of(-(message.length + 1)));
            case HOST_RESULT -> new HostFunction(HOST_RESULT, FuncSignature.i32(1, 0), (memory, args) -> {
                memory.write(args.get(0).intValue(), message);
                return List.of();
            });
            default -> null;
        };
    }
}
