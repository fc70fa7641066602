package dev.wasmjit.reliability;

import java.util.List;
import java.util.regex.Pattern;

/** The error messages guest/README.md documents; anything else the guest says is a bug. */
final class DocumentedErrors {

    private static final String WHERE = " at line \\d+, column \\d+";

    private static final List<Pattern> MESSAGES = List.of(
            Pattern.compile("parse error" + WHERE + ": .+", Pattern.DOTALL),
            Pattern.compile("unbound identifier: \\S+" + WHERE),
            Pattern.compile("integer overflow: [-+*]"),
            Pattern.compile("wrong type: [-+*<] expects integers, got a procedure"),
            Pattern.compile("wrong type: if expects an integer test, got a procedure"),
            Pattern.compile("not a procedure: the integer -?\\d+"),
            Pattern.compile("letrec variable used before its value is ready: \\S+" + WHERE),
            Pattern.compile("recursion too deep: .+"),
            Pattern.compile("heap exhausted: .+"));

    private DocumentedErrors() {
    }

    static boolean isDocumented(String message) {
        return MESSAGES.stream().anyMatch(p -> p.matcher(message).matches());
    }
}
