package dev.wasmjit.harness;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.SchemeValue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REPL's numbered values, as Guile prints them: each form whose value is not unspecified
 * prints {@code $1 = 42}, and {@code $1} is then a global variable holding that very value
 * (the same pair, the same procedure), for later entries to use.
 *
 * <p>To keep the value itself, an expression is evaluated as
 * {@code (begin (set! %repl-value FORM) %repl-value)} ({@code set!}, not {@code define}, which
 * would name a {@code lambda} after the slot). The wrapper goes on the line before the
 * form, so that the guest's messages still name the form's own line and column; a form on the
 * first line has no line before it, so it is evaluated one line down and the line numbers in
 * its messages are put back by one. Definitions ({@code define}, {@code begin},
 * {@code define-syntax}...) and calls of macros the session defined are evaluated as they are,
 * since a definition is not an expression (and so is a stray {@code )}, for the guest to report): a value they return is numbered, and bound to its
 * {@code $N} when it can be written as a literal.
 */
final class ValueHistory {

    private static final String SLOT = "%repl-value";
    private static final Pattern DEFINITION = Pattern.compile(
            "^\\(\\s*(?:define|define-values|define-record-type|define-syntax|define-library|begin|import|cond-expand)[\\s()]");
    private static final Pattern HEAD = Pattern.compile("^\\(\\s*([^\\s()'\"]+)");
    private static final Pattern POSITION = Pattern.compile("at line (\\d+), column");

    private final SchemeInterpreter scheme;
    private final SessionNames names;
    private int count;

    ValueHistory(SchemeInterpreter scheme, SessionNames names) {
        this.scheme = scheme;
        this.names = names;
    }

    /**
     * What the guest evaluates for one form.
     *
     * @param source   the text to parse
     * @param captured whether its value is left in the slot, to bind to {@code $N}
     * @param shifted  whether the form was moved one line down
     */
    record Evaluation(String source, boolean captured, boolean shifted) {

        /** A guest message about the evaluation, with the positions the user sees. */
        String message(String guestMessage) {
            if (!shifted) {
                return guestMessage;
            }
            Matcher position = POSITION.matcher(guestMessage);
            StringBuilder fixed = new StringBuilder();
            while (position.find()) {
                int line = Integer.parseInt(position.group(1));
                position.appendReplacement(fixed, "at line " + Math.max(1, line - 1) + ", column");
            }
            return position.appendTail(fixed).toString();
        }
    }

    /**
     * Prepares one form.
     *
     * @param form       the form's text
     * @param positioned the form's text preceded by the line breaks and spaces that put it where
     *                   the user sees it
     */
    Evaluation prepare(String form, String positioned) {
        String text = form.strip();
        Matcher head = HEAD.matcher(text);
        boolean macroCall = head.find() && names.definition(head.group(1)).map(d -> d.kind().equals("macro")).orElse(false);
        // a stray ')' would close the wrapper instead, and its message would name the wrapper's place
        if (DEFINITION.matcher(text).find() || macroCall || text.startsWith(")")) {
            return new Evaluation(positioned, false, false);
        }
        // the slot is defined in the same program, first: set! assigns only a defined variable
        String prefix = "(define " + SLOT + " #f) (begin (set! " + SLOT;
        String trailer = "\n) " + SLOT + ")";
        if (positioned.startsWith("\n")) {
            return new Evaluation(prefix + positioned + trailer, true, false);
        }
        return new Evaluation(prefix + "\n" + positioned + trailer, true, true);
    }

    /**
     * Numbers a value the evaluation returned and binds {@code $N} to it.
     *
     * @return the line to print, {@code $N = VALUE}
     */
    String record(SchemeValue value, Evaluation evaluation) {
        count++;
        String name = "$" + count;
        if (evaluation.captured()) {
            scheme.eval("(define " + name + " " + SLOT + ")");
        } else {
            try {
                scheme.define(name, value);
            } catch (IllegalArgumentException | GuestError e) {
                // a procedure or a record a definition form returned: it has no literal to bind
            }
        }
        names.add("(define " + name + ")");
        return name + " = " + value;
    }
}
