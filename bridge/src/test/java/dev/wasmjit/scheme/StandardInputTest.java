package dev.wasmjit.scheme;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The guest's current-input-port is what {@code Builder.stdin} gives, and empty without it. */
class StandardInputTest {

    private static TestInterpreter withInput(String input) {
        return TestInterpreter.start(b -> b.stdin(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void withoutStdinTheGuestReadsAnEmptyInput() {
        try (TestInterpreter t = TestInterpreter.start()) {
            SchemeValue result = t.scheme.eval(t.scheme.parse("(list (read-char) (read-line) (read))"));

            assertThat(result.asList()).containsOnly(SchemeValue.eofObject());
        }
    }

    @Test
    void theGuestReadsLinesAndDataFromTheGivenStream() {
        try (TestInterpreter t = withInput("first λ line\n(1 (2)) sym\n")) {
            SchemeValue result = t.scheme.eval(t.scheme.parse("(list (read-line) (read) (read) (read))"));

            assertThat(result).hasToString("(\"first λ line\" (1 (2)) sym #<eof>)");
        }
    }

    @Test
    void whatOneEvaluationLeftUnreadTheNextReads() {
        try (TestInterpreter t = withInput("one\ntwo\n")) {
            assertThat(t.scheme.eval(t.scheme.parse("(read-line)")).asString()).isEqualTo("one");
            assertThat(t.scheme.eval(t.scheme.parse("(read-line)")).asString()).isEqualTo("two");
            assertThat(t.scheme.eval(t.scheme.parse("(eof-object? (read-line))"))).isEqualTo(SchemeValue.bool(true));
        }
    }
}
