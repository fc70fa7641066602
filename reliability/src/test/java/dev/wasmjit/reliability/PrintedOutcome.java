package dev.wasmjit.reliability;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.TrapKind;
import dev.wasmjit.scheme.SchemeValue;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one parse or evaluation came to, written as the guest's native build prints it
 * ({@code result: 3}, {@code result: (1 "a" #t)}, {@code error: integer overflow: +}), so
 * outcomes compare across runtimes; for a trap also its kind.
 *
 * @param line what the guest printed, or {@code trap: KIND} for a trap of the wasm runtime
 * @param trap the kind when the call ended with a {@link GuestTrap}
 */
record PrintedOutcome(String line, Optional<TrapKind> trap) {

    /** Runs the call and says how it ended; any exception other than the guest's propagates. */
    static PrintedOutcome of(Supplier<SchemeValue> call) {
        return ofText(() -> call.get().toString());
    }

    /** As {@link #of}, for a call that gives the result's written form. */
    static PrintedOutcome ofText(Supplier<String> call) {
        try {
            return result(call.get());
        } catch (GuestTrap trap) {
            String line = trap.getCause() instanceof GuestError guestError
                    ? "error: " + guestError.getMessage()
                    : "trap: " + trap.kind().description();
            return new PrintedOutcome(line, Optional.of(trap.kind()));
        } catch (GuestError error) {
            return error(error.getMessage());
        }
    }

    static PrintedOutcome result(String value) {
        return new PrintedOutcome("result: " + value, Optional.empty());
    }

    static PrintedOutcome error(String message) {
        return new PrintedOutcome("error: " + message, Optional.empty());
    }

    boolean isResult() {
        return line.startsWith("result: ");
    }

    boolean isParseError() {
        return line.startsWith("error: parse error at line ");
    }

    @Override
    public String toString() {
        return line;
    }
}
