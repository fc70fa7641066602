package dev.wasmjit.reliability;

/** The kinds of bad (and some good) input the fuzzer makes, and how many of each a run gets. */
enum FuzzFamily {
    /** Bytes of any value, mostly not UTF-8. */
    RANDOM_BYTES(1000),
    /** Printable ASCII of any arrangement. */
    RANDOM_TEXT(800),
    /** The language's own tokens (keywords, primitives, literals, comments), arranged at random. */
    RANDOM_TOKENS(1500),
    /** A valid program cut off anywhere. */
    TRUNCATED(1000),
    /** A valid program with parentheses added or taken away. */
    UNBALANCED(1000),
    /** A valid program using a name that is not bound, reached or not. */
    UNBOUND_IDENTIFIER(600),
    /** Integer literals of up to a hundred thousand digits, near and far beyond the range. */
    HUGE_LITERAL(500),
    /** A valid program with a few characters changed: often still valid, and then run. */
    MUTATED(1500),
    /** Malformed UTF-8, lone surrogates, NULs and non-ASCII text in and around valid programs. */
    NON_UTF8(800),
    /** Expressions, quotes, vectors and comments nested 100,000 deep. */
    DEEP_NESTING(40),
    /** The reader's syntax: strings and escapes, booleans, vectors, dotted pairs, quotes, block and datum comments. */
    READER_SYNTAX(1000),
    /** Every special form in malformed shapes. */
    MALFORMED_FORM(1000),
    /** Every primitive with too few or too many arguments and arguments of every kind. */
    WRONG_ARGUMENTS(1000);

    private final int count;

    FuzzFamily(int count) {
        this.count = count;
    }

    /** How many inputs of this family one run makes. */
    int count() {
        return count;
    }

    /** How many inputs one run makes in all. */
    static int total() {
        int total = 0;
        for (FuzzFamily family : values()) {
            total += family.count;
        }
        return total;
    }
}
