package dev.wasmjit.reliability;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The error messages docs/LANGUAGE.md documents (the guest writes them in errors.cc,
 * reader.cc, syntax.cc, macros.cc, the primitives' files and heap.cc); anything else the guest says is a bug.
 * A user's {@code (error "message" irritant ...)} says whatever its caller wants: an input
 * that calls {@code error} may end with any message (and a raise of anything else is an
 * "uncaught exception" that writes it).
 */
final class DocumentedErrors {

    private static final String WHERE = " at line \\d+, column \\d+";
    private static final String PRIMITIVE = PrimitiveTable.namePattern();
    /** How errors describe a value: its kind and its written form, cut short when long. */
    private static final String VALUE = "(?:the integer -?\\d+|the boolean #[tf]|the empty list|the unspecified value"
            + "|the (?:pair|vector|string|symbol|procedure|port|character|bytevector|rational|real|complex number|hash table|record) .+)";
    /** errors.cc's kinds: an integer, a pair, a proper list, a vector, a string, ... */
    private static final String EXPECTED = PrimitiveTable.EXPECTED_KINDS.stream().map(Pattern::quote)
            .collect(java.util.stream.Collectors.joining("|", "(?:", ")"));

    private static final List<Pattern> MESSAGES = List.of(
            Pattern.compile("parse error" + WHERE + ": .+", Pattern.DOTALL),
            Pattern.compile("unbound variable: .+" + WHERE),
            Pattern.compile("variable used before its value is ready: .+" + WHERE),
            Pattern.compile("wrong type: " + PRIMITIVE + " expects " + EXPECTED + " as argument \\d+, got " + VALUE),
            Pattern.compile("wrong number of arguments: .+ expects (?:\\d+|at least \\d+|\\d+ to \\d+) arguments?, got \\d+"),
            Pattern.compile("wrong type: string-map's procedure returned " + VALUE + ", not a character"),
            Pattern.compile("not a procedure: " + VALUE),
            Pattern.compile("index out of range: " + PRIMITIVE + " index -?\\d+, length \\d+"),
            Pattern.compile("division by zero: " + PRIMITIVE),
            Pattern.compile("(?:set-car!|set-cdr!|list-set!|vector-set!|vector-fill!|vector-copy!|string-set!|string-fill!"
                    + "|string-copy!|bytevector-u8-set!|bytevector-copy!) cannot modify a literal constant: " + VALUE),
            Pattern.compile("recursion too deep: (?:the root stack is full|more than \\d+ nested calls"
                    + "(?: made by map, for-each or apply)?)"),
            Pattern.compile("out of memory: .+"),
            Pattern.compile(PRIMITIVE + ": the port is closed"),
            Pattern.compile(PRIMITIVE + ": cannot (?:open|read|delete) \".*\": .+"),
            Pattern.compile("heap exhausted: .+"),
            Pattern.compile("wrong type: .+ expects a record of type .+ as argument 1, got .+"),
            Pattern.compile("(?:%make-record|%record-ref|%record-set!): called other than by a define-record-type"
                    + " (?:procedure|constructor)"),
            Pattern.compile("no clause of case-lambda accepts this number of arguments: \\d+"),
            Pattern.compile("(?:hash-table-ref|hash-table-update!): no entry for " + VALUE + " in the hash table"),
            Pattern.compile("string-join: the strict-infix grammar needs a non-empty list"),
            Pattern.compile("this host defines no procedures"),
            Pattern.compile("host-call: no host procedure \\d+"),
            Pattern.compile("uncaught exception: .+", Pattern.DOTALL),
            Pattern.compile("an exception handler returned from raise, which cannot continue; it raised .+", Pattern.DOTALL),
            Pattern.compile("a continuation was called after the call it was captured in had returned: .+"),
            Pattern.compile("a parameter is called with no arguments, got .+", Pattern.DOTALL));

    private DocumentedErrors() {
    }

    static boolean isDocumented(String message) {
        return MESSAGES.stream().anyMatch(p -> p.matcher(message).matches());
    }

    /** Documented, or the input calls {@code error}, whose message is its caller's. */
    static boolean isDocumented(String message, String input) {
        return isDocumented(message) || input.contains("error");
    }
}
