package dev.wasmjit.scheme;

import dev.wasmjit.bridge.ReactorInstance;

import java.util.List;

/**
 * Reads the value of the last successful evaluation back from the guest, from the best source
 * the module offers: the written form at {@code lastResultText()} (Language v2), else the
 * integer/procedure kind extension, else the {@code result: } line the guest printed (the
 * guest ABI). Text that does not read is the guest's fault, an {@link IllegalStateException}.
 */
final class ResultReader {

    /** What the guest prints before a result's external representation. */
    private static final String RESULT_PREFIX = "result: ";

    /** How much of a circular result's written form its error shows. */
    private static final int SHOWN_CHARS = 60;

    private ResultReader() {
    }

    /** The last result; call it right after the evaluation, in the same exclusive unit. */
    static SchemeValue lastResult(GuestAbi abi, ReactorInstance instance, HostObjects hostObjects) {
        if (abi.lastResultText.isPresent()) {
            int address = abi.lastResultText.get().callI32();
            if (address != 0) {
                return read(guestText(instance, address, "lastResultText()"), "lastResultText()", hostObjects);
            }
        }
        if (abi.lastResultKind.isPresent() && abi.lastResultInteger.isPresent()) {
            int kind = abi.lastResultKind.get().callI32();
            if (kind == 1) {
                return SchemeValue.integer(abi.lastResultInteger.get().callI32());
            }
            if (kind == 2) {
                return SchemeValue.procedure();
            }
        }
        return fromResultLine(instance.lastCallStdout(), hostObjects);
    }

    /** Without the extensions, the result is whatever the guest printed after {@code result: }. */
    private static SchemeValue fromResultLine(List<String> stdout, HostObjects hostObjects) {
        for (int i = stdout.size() - 1; i >= 0; i--) {
            String line = stdout.get(i);
            if (line.startsWith(RESULT_PREFIX)) {
                return read(line.substring(RESULT_PREFIX.length()), "result line", hostObjects);
            }
        }
        throw new IllegalStateException("the guest's eval returned without printing a result line");
    }

    /** The text at an address the guest gave, which a broken module may give outside its memory. */
    static String guestText(ReactorInstance instance, int address, String source) {
        try {
            return instance.memory().readCString(address);
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalStateException("the guest's " + source + " gave no readable text: " + e.getMessage(), e);
        }
    }

    private static SchemeValue read(String text, String source, HostObjects hostObjects) {
        try {
            return ExternalRepresentation.read(text, hostObjects::resolve);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().contains(ExternalRepresentation.CIRCULAR)) {
                // The guest writes every result whole, circular ones with datum labels
                // (docs/LANGUAGE.md, "Printing"); only those have no SchemeValue.
                String shown = text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...";
                throw new IllegalStateException("the result is circular data, which has no SchemeValue: " + shown, e);
            }
            throw new IllegalStateException("the guest's " + source + " is not a readable value: "
                    + e.getMessage(), e);
        }
    }
}
