package dev.wasmjit.harness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The REPL's reader: where forms end, and when an entry needs another line. */
class SchemeFormsTest {

    private static java.util.List<String> texts(String source) {
        return SchemeForms.scan(source).forms().stream().map(SchemeForms.Form::text).toList();
    }

    @Test
    void splitsTopLevelFormsOfEveryKind() {
        assertThat(texts("(define x 1) x 42 \"str\" 'sym '(1 2) #(1 2) |a b|"))
                .containsExactly("(define x 1)", "x", "42", "\"str\"", "'sym", "'(1 2)", "#(1 2)", "|a b|");
    }

    @Test
    void parenthesesInStringsCommentsAndSymbolsDoNotCount() {
        SchemeForms.Scan scan = SchemeForms.scan("(display \"(((\") ; )))\n#| ( #| nested ) |# ( |# (quote |)|)");
        assertThat(scan.incomplete()).isFalse();
        assertThat(scan.forms()).extracting(SchemeForms.Form::text)
                .containsExactly("(display \"(((\")", "(quote |)|)");
    }

    @Test
    void anEntryIsIncompleteInsideAFormAStringABlockCommentOrAfterAQuote() {
        assertThat(SchemeForms.scan("(define (f x)\n  (* x").incomplete()).isTrue();
        assertThat(SchemeForms.scan("(display \"a)").incomplete()).isTrue();
        assertThat(SchemeForms.scan("#| (+ 1 2) ").incomplete()).isTrue();
        assertThat(SchemeForms.scan("'").incomplete()).isTrue();
        assertThat(SchemeForms.scan("(f \"\\\"\")").incomplete()).isFalse();
        assertThat(SchemeForms.scan("; only a comment (\n").incomplete()).isFalse();
        assertThat(SchemeForms.scan("; only a comment (\n").forms()).isEmpty();
    }

    @Test
    void charactersThatAreParenthesesDoNotCountAndABytevectorIsOneForm() {
        assertThat(texts("(list #\\( #\\)) #\\) #\\space #\\\u03bb #u8(1 2) (f #u8(3))"))
                .containsExactly("(list #\\( #\\))", "#\\)", "#\\space", "#\\\u03bb", "#u8(1 2)", "(f #u8(3))");
        assertThat(SchemeForms.scan("(char->integer #\\(").incomplete()).isTrue();
    }

    @Test
    void aDatumCommentRemovesTheNextDatum() {
        assertThat(texts("#;(display 1) (+ 1 2) (list #;2 3)")).containsExactly("(+ 1 2)", "(list #;2 3)");
    }

    @Test
    void aStrayCloseParenthesisIsAFormForTheGuestToReject() {
        assertThat(texts("1 ) 2")).containsExactly("1", ")", "2");
    }

    @Test
    void formsKnowTheirLineAndColumn() {
        SchemeForms.Form second = SchemeForms.scan("(a)\n\n   (b\n c)").forms().get(1);
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.column()).isEqualTo(4);
        assertThat(second.positioned()).isEqualTo("\n\n   (b\n c)");
    }

    @Test
    void commandsAreCompleteOnTheirLineButTimeWaitsForItsExpression() {
        assertThat(ReplSession.isComplete(",jit")).isTrue();
        assertThat(ReplSession.isComplete(",time (fib")).isFalse();
        assertThat(ReplSession.isComplete(",time (fib\n 20)")).isTrue();
    }
}
