package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestException;
import dev.wasmjit.bridge.GuestFunction;
import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.TrapKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the Scheme guest's errors reach Java: with the guest's own copy of the message when it
 * exports one, and the guest's limits as the trap kind of the limit.
 */
final class GuestErrors {

    /**
     * The guest reports its own limits as errors (guest/README.md); callers get them as the
     * trap kind of the limit, so that one kind covers a limit whichever layer enforced it.
     */
    private static final List<Map.Entry<String, TrapKind>> GUEST_LIMITS = List.of(
            Map.entry("recursion too deep", TrapKind.STACK_OVERFLOW),
            Map.entry("heap exhausted", TrapKind.OUT_OF_MEMORY),
            Map.entry("heap size too small", TrapKind.OUT_OF_MEMORY),
            Map.entry("cannot allocate a heap", TrapKind.OUT_OF_MEMORY),
            Map.entry("out of memory", TrapKind.OUT_OF_MEMORY));

    private GuestErrors() {
    }

    /**
     * The exception a caller gets for a guest error: a {@link GuestTrap} of the limit's kind
     * when it is one of the guest's limits, else the error, with the guest's precise message
     * when the module exports {@code lastErrorMessage}. Inside the failed call's exclusive unit.
     */
    static GuestException refine(GuestError e, GuestAbi abi, ReactorInstance instance) {
        return asLimitIfOne(precise(e, abi.lastErrorMessage, instance));
    }

    /** Says where a NUL is the way the guest's parser would: line, and column in characters. */
    static GuestError nulInSource(String source, int index) {
        int lineStart = source.lastIndexOf('\n', index) + 1;
        long line = 1 + source.substring(0, lineStart).chars().filter(c -> c == '\n').count();
        int column = 1 + source.codePointCount(lineStart, index);
        return new GuestError("parse error at line " + line + ", column " + column
                + ": NUL character in the source");
    }

    private static GuestException asLimitIfOne(GuestError e) {
        for (Map.Entry<String, TrapKind> limit : GUEST_LIMITS) {
            if (e.getMessage().startsWith(limit.getKey())) {
                return new GuestTrap(limit.getValue(), e.getMessage(), e);
            }
        }
        return e;
    }

    private static GuestError precise(GuestError e, Optional<GuestFunction> lastErrorMessage, ReactorInstance instance) {
        String message = lastErrorMessage.flatMap(f -> read(f, instance)).orElse(e.getMessage());
        if (message.equals(e.getMessage())) {
            return e;
        }
        GuestError precise = new GuestError(message);
        precise.initCause(e);
        return precise;
    }

    private static Optional<String> read(GuestFunction lastErrorMessage, ReactorInstance instance) {
        int address = lastErrorMessage.callI32();
        if (address == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(instance.memory().readCString(address));
        } catch (IndexOutOfBoundsException e) {
            // a broken module's address: the message it wrote to stderr is the one there is
            return Optional.empty();
        }
    }
}
