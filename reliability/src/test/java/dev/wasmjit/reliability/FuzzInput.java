package dev.wasmjit.reliability;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One generated input: its bytes, which family made it, and, where the family knows it, the
 * result it must give.
 *
 * @param index    its place in the run; with the seed it reproduces the input
 * @param family   what kind of input it is
 * @param bytes    the source bytes; not always UTF-8
 * @param expected the written form of the result it must give, when known
 */
record FuzzInput(int index, FuzzFamily family, byte[] bytes, Optional<String> expected) {

    private static final int SHOWN = 240;

    /** The source as text when its bytes are well-formed UTF-8; otherwise it must go in as bytes. */
    Optional<String> text() {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The input, printable: escapes for what is not printable ASCII, long ones shortened. */
    String describe() {
        StringBuilder out = new StringBuilder();
        out.append('#').append(index).append(' ').append(family).append(", ").append(bytes.length).append(" bytes: \"");
        for (int i = 0; i < Math.min(bytes.length, SHOWN); i++) {
            int b = bytes[i] & 0xff;
            if (b == '\\' || b == '"') {
                out.append('\\').append((char) b);
            } else if (b == '\n') {
                out.append("\\n");
            } else if (b >= 0x20 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        out.append(bytes.length > SHOWN ? "\"..." : "\"");
        return out.toString();
    }
}
