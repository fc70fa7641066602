package dev.wasmjit.scheme;

import dev.wasmjit.bridge.FuncSignature;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How {@link SchemeInterpreter} reads an evaluation's value: from {@code lastResultText} when
 * the module exports it, else from the {@code result: } line. The module here is
 * src/test/wat/echo-result.wat, whose result is the program's own text, so each test picks
 * the exact text the host reads.
 */
class ResultValueTest {

    /** One text of every kind, nested ones and escapes included. */
    private static final List<String> TEXTS = List.of(
            "42", "-1073741824", "#t", "#f", "\"a\\\"b\\\\c\\nd\"", "sym", "()", "(1 2 3)", "(a . 1)",
            "(1 (2 #(3 \"x\")) . 4)", "#(1 2)", "#<procedure sq>", "#<procedure>", "#<unspecified>",
            "(quote x)", "#<eof>", "(#<input port> #<closed output port>)",
            "#<point x: 1 y: (2 #<thing>)>", "#<record-type <point>>");

    @Test
    void readsEveryKindFromLastResultText() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.module(echoModule()))) {
            for (String text : TEXTS) {
                assertThat(t.scheme.eval(t.scheme.parse(text))).as(text)
                        .isEqualTo(ExternalRepresentation.read(text))
                        .hasToString(text);
            }
        }
    }

    @Test
    void readsEveryKindFromTheResultLineWhenTheModuleLacksLastResultText() {
        byte[] withoutText = CoreAbiModule.withoutExports(echoModule(), Set.of("lastResultText"));
        try (TestInterpreter t = TestInterpreter.start(b -> b.module(withoutText).resultLines(true))) {
            assertThat(t.scheme.instance().function("lastResultText",
                    FuncSignature.i32(0, 1))).isEmpty();
            for (String text : TEXTS) {
                assertThat(t.scheme.eval(t.scheme.parse(text))).as(text).hasToString(text);
            }
            assertThat(t.stdoutText()).isEqualTo("result: " + String.join("\nresult: ", TEXTS) + "\n");
        }
    }

    @Test
    void aQuietInterpreterKeepsTheResultLinesOfAModuleWithoutEvalQuietlyOffItsStdout() {
        byte[] withoutText = CoreAbiModule.withoutExports(echoModule(), Set.of("lastResultText"));
        try (TestInterpreter t = TestInterpreter.start(b -> b.module(withoutText))) {
            for (String text : TEXTS) {
                assertThat(t.scheme.eval(t.scheme.parse(text))).as(text).hasToString(text);
            }
            assertThat(t.stdoutText()).isEmpty();
        }
    }

    @Test
    void givesAListAsJavaValues() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.module(echoModule()))) {
            SchemeValue result = t.scheme.eval(t.scheme.parse("(1 \"two\" three #(4))"));

            assertThat(result.asList()).hasSize(4);
            assertThat(result.asList().get(0).asInteger()).isEqualTo(1);
            assertThat(result.asList().get(1).asString()).isEqualTo("two");
            assertThat(result.asList().get(2).asSymbol()).isEqualTo("three");
            assertThat(result.asList().get(3).asVector()).containsExactly(SchemeValue.integer(4));
        }
    }

    @Test
    void anUnreadableLastResultTextIsTheGuestsFaultAndTheInterpreterWorksOn() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.module(echoModule()))) {
            assertThatThrownBy(() -> t.scheme.eval(t.scheme.parse("(1 2")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the guest's lastResultText() is not a readable value: "
                            + "malformed value: unclosed list at offset 0 in: (1 2")
                    .hasCauseInstanceOf(IllegalArgumentException.class);

            assertThat(t.scheme.eval(t.scheme.parse("(1 2)"))).hasToString("(1 2)");
        }
    }

    @Test
    void anUnreadableResultLineIsTheGuestsFault() {
        byte[] withoutText = CoreAbiModule.withoutExports(echoModule(), Set.of("lastResultText"));
        try (TestInterpreter t = TestInterpreter.start(b -> b.module(withoutText))) {
            assertThatThrownBy(() -> t.scheme.eval(t.scheme.parse("#q")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the guest's result line is not a readable value: "
                            + "malformed value: unknown # syntax: #q at offset 0 in: #q");
        }
    }

    @Test
    void aListNestedTwentyThousandDeepReadsBackWhole() {
        try (TestInterpreter t = TestInterpreter.start()) {
            SchemeValue nested = t.scheme.eval(t.scheme.parse(
                    "(define (nest n acc) (if (= n 0) acc (nest (- n 1) (list acc)))) (nest 20000 '())"));
            assertThat(nested).isEqualTo(ExternalRepresentation.read("(".repeat(20_001) + ")".repeat(20_001)));
        }
    }

    @Test
    void aResultLongerThanSixteenMebibytesReadsBackWhole() {
        try (TestInterpreter t = TestInterpreter.start()) {
            SchemeValue vector = t.scheme.eval(t.scheme.parse("(make-vector 1000000 'a-symbol-of-twenty-chars)"));
            assertThat(vector.asVector()).hasSize(1_000_000).allMatch(v -> v.asSymbol().length() == 24);
        }
    }

    @Test
    void aCircularResultIsAClearErrorAndTheInterpreterWorksOn() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThatThrownBy(() -> t.scheme.eval(t.scheme.parse("(let ((l (list 1 2))) (set-cdr! (cdr l) l) l)")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the result is circular data, which has no SchemeValue: #0=(1 2 . #0#)");
            assertThat(t.evalInteger("(+ 1 2)")).isEqualTo(3);
        }
    }

    private static byte[] echoModule() {
        try (InputStream in = ResultValueTest.class.getResourceAsStream("/wasm/echo-result.wasm")) {
            if (in == null) {
                throw new IllegalStateException("the test module echo-result.wasm is missing; run scripts/wat-fixtures");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
