package dev.wasmjit.harness;

/**
 * Tells, line by line, whether a REPL entry is complete, by the same rules as
 * {@link SchemeForms#scan} but in time linear in the entry's length: it keeps where it stood
 * at the end of the last line (inside a string, a {@code |symbol|} or a block comment, how
 * deep in parentheses, whether a form is under way) and reads only the new line. Scanning the
 * whole entry again at every line made a 40,000-line entry, or a pasted 200 KB one, take
 * quadratic time before it ran.
 */
final class EntryScanner {

    private enum Mode { BETWEEN, LINE_COMMENT, BLOCK_COMMENT, STRING, BAR_SYMBOL, ATOM, ATOM_BAR }

    private final StringBuilder text = new StringBuilder();
    private Mode mode = Mode.BETWEEN;
    private int depth;
    /** A top-level form is under way: a datum, a quote or a {@code #;} has started and not ended. */
    private boolean started;
    private int commentNesting;
    /** The previous character, in a string or {@code |...|}, was a backslash. */
    private boolean escaped;
    /** Characters examined so far, counting one examined twice twice: linear means at most twice the text. */
    private long examined;

    /**
     * Adds a line.
     *
     * @param line the line, without its line break (one is added)
     */
    void add(String line) {
        int from = text.length();
        text.append(line).append('\n');
        for (int i = from; i < text.length(); ) {
            i = step(i);
        }
    }

    /**
     * Whether the text so far ends outside any form, as {@link SchemeForms.Scan#incomplete()}
     * says of the same text.
     */
    boolean complete() {
        return switch (mode) {
            case STRING, BAR_SYMBOL, BLOCK_COMMENT -> false;
            case ATOM, ATOM_BAR -> depth <= 0; // an atom ends where the text ends
            default -> !started;
        };
    }

    /** The entry's text so far, each line with its line break. */
    String text() {
        return text.toString();
    }

    /** How many characters were examined since the last {@link #clear()}: the work done. */
    long examined() {
        return examined;
    }

    /** Forgets the entry, for the next one. */
    void clear() {
        text.setLength(0);
        mode = Mode.BETWEEN;
        depth = 0;
        started = false;
        commentNesting = 0;
        escaped = false;
        examined = 0;
    }

    /** Reads from index {@code i} on and returns where to go on. */
    private int step(int i) {
        examined++;
        char c = text.charAt(i);
        return switch (mode) {
            case LINE_COMMENT -> {
                if (c == '\n') {
                    mode = Mode.BETWEEN;
                }
                yield i + 1;
            }
            case BLOCK_COMMENT -> blockComment(i);
            case STRING, BAR_SYMBOL, ATOM_BAR -> delimited(i, c);
            case ATOM -> atom(i, c);
            case BETWEEN -> between(i, c);
        };
    }

    private int between(int i, char c) {
        if (c == ';') {
            mode = Mode.LINE_COMMENT;
            return i + 1;
        }
        if (c == '#' && next(i) == '|') {
            mode = Mode.BLOCK_COMMENT;
            commentNesting = 1;
            return i + 2;
        }
        if (Character.isWhitespace(c)) {
            return i + 1;
        }
        started = true;
        if (c == '\'' || c == '`' || c == ',') {
            return c == ',' && next(i) == '@' ? i + 2 : i + 1;
        }
        if (c == '#' && next(i) == ';') {
            return i + 2;
        }
        if (c == '#' && next(i) == '\\') {  // a character: #\( or #\" is no delimiter
            mode = Mode.ATOM;
            return Math.min(i + 3, text.length());
        }
        if (c == '(' || c == '#' && next(i) == '(') {
            depth++;
            return c == '(' ? i + 1 : i + 2;
        }
        if (c == ')') {
            depth--;
            datumEnded();
            return i + 1;
        }
        if (c == '"' || c == '|') {
            mode = c == '"' ? Mode.STRING : Mode.BAR_SYMBOL;
            escaped = false;
            return i + 1;
        }
        mode = Mode.ATOM;
        return i + 1; // an atom's first character is never a delimiter
    }

    private int atom(int i, char c) {
        if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"' || c == ';'
                || c == '\'' || c == '`' || c == ',') {
            mode = Mode.BETWEEN;
            datumEnded();
            return i; // the delimiter is read between data
        }
        if (c == '|') {
            mode = Mode.ATOM_BAR;
            escaped = false;
        }
        return i + 1;
    }

    /** Inside a string, a {@code |symbol|}, or a {@code |...|} part of an atom. */
    private int delimited(int i, char c) {
        if (escaped) {
            escaped = false;
        } else if (c == '\\') {
            escaped = true;
        } else if (c == (mode == Mode.STRING ? '"' : '|')) {
            if (mode == Mode.ATOM_BAR) {
                mode = Mode.ATOM;
            } else {
                mode = Mode.BETWEEN;
                datumEnded();
            }
        }
        return i + 1;
    }

    private int blockComment(int i) {
        if (text.charAt(i) == '#' && next(i) == '|') {
            commentNesting++;
            return i + 2;
        }
        if (text.charAt(i) == '|' && next(i) == '#') {
            if (--commentNesting == 0) {
                mode = Mode.BETWEEN;
            }
            return i + 2;
        }
        return i + 1;
    }

    /** A datum ended: at top level (or below it, a stray ')'), so did the form. */
    private void datumEnded() {
        if (depth <= 0) {
            depth = 0;
            started = false;
        }
    }

    private char next(int i) {
        return i + 1 < text.length() ? text.charAt(i + 1) : '\0';
    }
}
