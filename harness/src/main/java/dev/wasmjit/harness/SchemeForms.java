package dev.wasmjit.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Scheme source into its top-level forms without reading them: where each form starts
 * and ends, and whether the text ends inside one (an open parenthesis, string, {@code |symbol|}
 * or {@code #| ... |#} comment, or a quote or {@code #;} still waiting for its datum). The REPL
 * reads until this says the entry is complete, then has the guest parse each form; anything
 * malformed beyond that (a stray {@code )}) is left to the guest's parser, which says where.
 */
final class SchemeForms {

    /**
     * One top-level form.
     *
     * @param text   the form's text
     * @param line   its first line in the scanned text, from 1
     * @param column its first column, from 1
     */
    record Form(String text, int line, int column) {

        /**
         * The form's text preceded by as many line breaks and spaces as put it at its line and
         * column in the scanned text, so that the guest's messages name the places the user
         * sees. A single space keeps the column where the line itself is long.
         */
        String positioned() {
            return "\n".repeat(line - 1) + " ".repeat(column - 1) + text;
        }
    }

    /**
     * The scan of a text.
     *
     * @param forms    the complete top-level forms, in order
     * @param rest     the text after the last complete form when it starts an incomplete one
     *                 (comments and spaces alone are not)
     * @param restLine the line the rest starts on
     */
    record Scan(List<Form> forms, String rest, int restLine) {

        /** Whether the text ends inside a form. */
        boolean incomplete() {
            return !rest.isEmpty();
        }
    }

    private SchemeForms() {
    }

    /**
     * Scans a text.
     *
     * @param text Scheme source
     * @return its complete forms and its incomplete rest
     */
    static Scan scan(String text) {
        List<Form> forms = new ArrayList<>();
        Lines lines = new Lines(text);
        int depth = 0;
        int start = -1;          // start of the form under way, -1 between forms
        boolean commentedOut = false;  // the form under way is a top-level #; datum comment
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ';') {
                i = skipLine(text, i);
                continue;
            }
            if (c == '#' && i + 1 < n && text.charAt(i + 1) == '|') {
                int end = skipBlockComment(text, i);
                if (end < 0) {
                    return incomplete(forms, text, start >= 0 ? start : i, lines);
                }
                i = end;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (start < 0) {
                start = i;
            }
            if (c == '\'' || c == '`' || c == ',') {
                // a quote, quasiquote or unquote: the form goes on until its datum ends
                i += c == ',' && i + 1 < n && text.charAt(i + 1) == '@' ? 2 : 1;
                continue;
            }
            if (c == '#' && i + 1 < n && text.charAt(i + 1) == ';') {
                commentedOut |= depth == 0 && start == i;
                i += 2;
                continue;
            }
            int end;
            if (text.startsWith("#\\", i) && i + 2 < n) {
                // a character: its first character is taken whatever it is, so #\( and #\) are no parentheses
                int afterFirst = i + 2 + Character.charCount(text.codePointAt(i + 2));
                end = afterFirst < n && !endsAtom(text.charAt(afterFirst)) ? skipAtom(text, afterFirst) : afterFirst;
            } else if (c == '(' || c == '#' && i + 1 < n && text.charAt(i + 1) == '(' || text.startsWith("#u8(", i)) {
                depth++;
                end = c == '(' ? i + 1 : text.charAt(i + 1) == '(' ? i + 2 : i + 4;
            } else if (c == ')') {
                depth--;
                end = i + 1;
            } else if (c == '"' || c == '|') {
                end = skipDelimited(text, i, c);
                if (end < 0) {
                    return incomplete(forms, text, start, lines);
                }
            } else {
                end = skipAtom(text, i);
            }
            i = end;
            if (depth <= 0) {
                // a datum ended at top level (a stray ')' too: the guest's parser reports it)
                depth = 0;
                if (!commentedOut) {
                    forms.add(form(text, start, end, lines));
                }
                commentedOut = false;
                start = -1;
            }
        }
        if (start >= 0) {
            return incomplete(forms, text, start, lines);
        }
        return new Scan(forms, "", lines.lineAt(n));
    }

    private static Scan incomplete(List<Form> forms, String text, int start, Lines lines) {
        return new Scan(forms, text.substring(start), lines.lineAt(start));
    }

    private static Form form(String text, int start, int end, Lines lines) {
        int line = lines.lineAt(start);
        return new Form(text.substring(start, end), line, start - lines.lineStart + 1);
    }

    /**
     * Line numbers of positions asked for in increasing order, counted once through the text:
     * counting from the start for every form made an entry of many forms quadratic.
     */
    private static final class Lines {
        private final String text;
        private int counted;      // the text before this index is counted
        private int line = 1;     // the line at counted
        int lineStart;            // where that line starts

        Lines(String text) {
            this.text = text;
        }

        int lineAt(int index) {
            for (; counted < index; counted++) {
                if (text.charAt(counted) == '\n') {
                    line++;
                    lineStart = counted + 1;
                }
            }
            return line;
        }
    }

    private static int skipLine(String text, int i) {
        int end = text.indexOf('\n', i);
        return end < 0 ? text.length() : end + 1;
    }

    /** The index after a nested {@code #| ... |#}, or -1 if the text ends inside it. */
    private static int skipBlockComment(String text, int i) {
        int nesting = 0;
        while (i < text.length() - 1) {
            if (text.startsWith("#|", i)) {
                nesting++;
                i += 2;
            } else if (text.startsWith("|#", i)) {
                nesting--;
                i += 2;
                if (nesting == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The index after a string or {@code |symbol|} with backslash escapes, or -1 if unterminated. */
    private static int skipDelimited(String text, int i, char delimiter) {
        for (int j = i + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == delimiter) {
                return j + 1;
            }
        }
        return -1;
    }

    private static boolean endsAtom(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"' || c == ';' || c == '\'' || c == '`' || c == ',';
    }

    private static int skipAtom(String text, int i) {
        int j = i;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (endsAtom(c)) {
                break;
            }
            if (c == '|') {
                int end = skipDelimited(text, j, '|');
                j = end < 0 ? text.length() : end;
                continue;
            }
            j++;
        }
        return Math.max(j, i + 1);
    }
}
