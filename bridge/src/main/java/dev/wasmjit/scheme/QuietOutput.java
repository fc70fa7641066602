package dev.wasmjit.scheme;

/**
 * What keeps a quiet interpreter's streams free of the seed's protocol lines (see
 * {@link InterpreterSettings#resultLines(boolean)}): the filter of the guest's error reports on
 * stderr, and, for a module without {@code evalQuietly}, the filter of its result lines on
 * stdout. Both are absent when the interpreter prints them.
 */
final class QuietOutput {

    /** Set when quiet: drops the {@code error: } line of a call that raised that error. */
    ProtocolLineFilter errorReports;
    /** Set when quiet and the module prints result lines: drops the one of a finished evaluation. */
    ProtocolLineFilter resultLines;

    /**
     * Ends a unit of guest calls.
     *
     * @param evaluated  an evaluation finished, so its output ended with its result line
     * @param guestError the unit ended with the guest's error, so stderr ended with its report
     */
    void endCall(boolean evaluated, boolean guestError) {
        if (resultLines != null) {
            resultLines.endCall(evaluated);
        }
        if (errorReports != null) {
            errorReports.endCall(guestError);
        }
    }
}
