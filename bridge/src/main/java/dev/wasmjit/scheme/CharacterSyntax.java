package dev.wasmjit.scheme;

import java.util.Map;
import java.util.OptionalInt;

/**
 * How the guest writes characters, alone ({@code #\a}, {@code #\space}, {@code #\x85}) and
 * inside strings ({@code \x85;}), and how those forms read back: the rules of the guest's
 * characters.cc and strings.cc, so that {@link SchemeValue#toString()} prints what the guest
 * prints.
 */
final class CharacterSyntax {

    /** R7RS's character names, which the guest writes and reads. */
    private static final Map<String, Integer> NAMES = Map.of(
            "alarm", 0x7, "backspace", 0x8, "delete", 0x7f, "escape", 0x1b, "newline", 0xa,
            "null", 0x0, "return", 0xd, "space", 0x20, "tab", 0x9);

    private CharacterSyntax() {
    }

    /** Whether a code point is a Unicode scalar value: a character the guest can hold. */
    static boolean isScalarValue(int codePoint) {
        return codePoint >= 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
    }

    /**
     * Whether write shows the character as itself, rather than by name or number: not a
     * control, format, white-space, private-use or unassigned code point (noncharacters are
     * unassigned; space aside). The guest's tables are Unicode 14's, the JDK's its own
     * version's: they can differ on characters that a newer version assigned.
     */
    static boolean isPrintable(int codePoint) {
        if (codePoint == ' ') {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SPACE_SEPARATOR,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED -> false;
            default -> codePoint >= 0x20;
        };
    }

    /** Appends {@code #\a}, {@code #\space} or {@code #\x85}. */
    static void write(StringBuilder out, int codePoint) {
        out.append("#\\");
        for (Map.Entry<String, Integer> name : NAMES.entrySet()) {
            if (name.getValue() == codePoint) {
                out.append(name.getKey());
                return;
            }
        }
        if (isPrintable(codePoint)) {
            out.appendCodePoint(codePoint);
        } else {
            out.append('x').append(Integer.toHexString(codePoint));
        }
    }

    /**
     * The character that the text after {@code #\} spells: one character, a name, or
     * {@code x} and hex digits.
     */
    static OptionalInt fromName(String name) {
        if (name.isEmpty()) {
            return OptionalInt.empty();
        }
        if (name.codePointCount(0, name.length()) == 1) {
            return OptionalInt.of(name.codePointAt(0));
        }
        Integer named = NAMES.get(name);
        if (named != null) {
            return OptionalInt.of(named);
        }
        return name.startsWith("x") ? hexScalarValue(name.substring(1)) : OptionalInt.empty();
    }

    /** Hex digits (up to eight) of a scalar value, or empty. */
    static OptionalInt hexScalarValue(String digits) {
        if (digits.isEmpty() || digits.length() > 8 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return OptionalInt.empty();
        }
        int value = Integer.parseInt(digits, 16);
        return isScalarValue(value) ? OptionalInt.of(value) : OptionalInt.empty();
    }
}
