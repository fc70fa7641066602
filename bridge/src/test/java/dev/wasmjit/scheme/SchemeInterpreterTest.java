package dev.wasmjit.scheme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemeInterpreterTest {

    @Test
    void instantiatesTheBundledGuest() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThat(t.scheme.tableSize()).isPositive();
            assertThat(t.scheme.pendingJitCount().asOptionalInt()).hasValue(0);
            assertThat(t.scheme.compiledFunctionCount().asOptionalInt()).hasValue(0);
            assertThat(t.scheme.compiledFunctionCount()).as("a count prints as its number").hasToString("0");
        }
    }

    @Test
    void carriesUnicodeSourceResultsAndOutputThroughTheAbi() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.resultLines(true))) {
            String lambda = "\u03bb";
            String emoji = "\ud83d\ude00";
            SchemeValue result = t.scheme.eval(t.scheme.parse(
                    "(display \"" + lambda + "\u00e9" + emoji + "\") (newline)"
                    + "(list \"" + lambda + emoji + "\" (string-length \"" + lambda + emoji + "\")"
                    + " (string-ref \"a" + emoji + "\" 1) #\\" + lambda + " (string->utf8 \"\u00e9\")"
                    + " (string->symbol \"" + lambda + "x\") (string (integer->char 133)))"));

            assertThat(result.asList()).containsExactly(
                    SchemeValue.string(lambda + emoji), SchemeValue.integer(2), SchemeValue.character(0x1f600),
                    SchemeValue.character(0x3bb), SchemeValue.bytevector(new byte[] {(byte) 0xc3, (byte) 0xa9}),
                    SchemeValue.symbol(lambda + "x"), SchemeValue.string("\u0085"));
            assertThat(t.stdoutText()).isEqualTo(lambda + "\u00e9" + emoji + "\nresult: " + result + "\n");
        }
    }

    @Test
    void parsesAndEvaluatesFib20() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression program = t.scheme.parse(TestInterpreter.FIB_20);
            assertThat(program.address()).isPositive();
            assertThat(program.toString()).isEqualTo("0x" + Integer.toHexString(program.address()));

            SchemeValue result = t.scheme.eval(program);

            assertThat(result).isEqualTo(SchemeValue.integer(10946));
            assertThat(t.stdoutText()).as("quiet by default").isEmpty();
        }
    }

    @Test
    void givesARecordTheGuestMadeAsARecordValue() {
        try (TestInterpreter t = TestInterpreter.start()) {
            SchemeValue point = t.scheme.eval(t.scheme.parse(
                    "(define-record-type <point> (make-point x y) point? (x point-x) (y point-y)) (make-point 1 'two>)"));

            assertThat(point.kind()).isEqualTo(SchemeValue.Kind.RECORD);
            assertThat(point.recordTypeName()).isEqualTo("point");
            assertThat(point.recordField("x").asInteger()).isEqualTo(1);
            assertThat(point.recordField("y").asSymbol()).isEqualTo("two>");
            assertThat(t.scheme.eval(t.scheme.parse("<point>"))).isEqualTo(SchemeValue.recordType("<point>"));
        }
    }

    @Test
    void givesAHashTableTheGuestMadeAsARecordOfItsCount() {
        try (TestInterpreter t = TestInterpreter.start()) {
            SchemeValue table = t.scheme.eval(t.scheme.parse(
                    "(define h (make-hash-table)) (hash-table-set! h 'a 1) (hash-table-set! h \"b\" 2) h"));

            assertThat(table.kind()).isEqualTo(SchemeValue.Kind.RECORD);
            assertThat(table.recordTypeName()).isEqualTo("hash-table");
            assertThat(table.recordField("count").asInteger()).isEqualTo(2);
            assertThat(t.scheme.eval(t.scheme.parse("(hash-table-ref h \"b\")"))).isEqualTo(SchemeValue.integer(2));
        }
    }

    @Test
    void evaluatesTheSameExpressionAgainAndAgain() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression program = t.scheme.parse(TestInterpreter.FIB_20);
            for (int i = 0; i < 3; i++) {
                assertThat(t.scheme.eval(program).asInteger()).isEqualTo(10946);
            }
            assertThat(t.stdoutText()).isEmpty();
        }
    }

    @Test
    void evaluatesAnExpressionFoundByItsAddress() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression parsed = t.scheme.parse(TestInterpreter.FIB_20);

            Expression found = t.scheme.expressionAt(parsed.address());

            assertThat(t.scheme.eval(found).asInteger()).isEqualTo(10946);
            assertThat(found.toString()).isEqualTo(parsed.toString());
        }
    }

    @Test
    void refusesAnExpressionAddressOutsideGuestMemory() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThatThrownBy(() -> t.scheme.expressionAt(-16))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outside guest memory");
            assertThat(t.evalInteger("(+ 1 2)")).isEqualTo(3);
        }
    }

    @Test
    void aDefinitionPersistsForLaterEvaluationsInterpretedAndCompiled() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThat(t.scheme.eval(t.scheme.parse("(define (sq x) (* x x))")).isUnspecified()).isTrue();
            Expression use = t.scheme.parse("(sq 5)");
            assertThat(t.scheme.eval(use)).isEqualTo(SchemeValue.integer(25));
            t.scheme.link(t.scheme.jit().orElseThrow());
            assertThat(t.scheme.eval(use)).isEqualTo(SchemeValue.integer(25));
            assertThat(t.scheme.eval(t.scheme.parse("(define (sq x) (+ x x)) (list (sq 5) 'redefined)")))
                    .isEqualTo(SchemeValue.list(SchemeValue.integer(10), SchemeValue.symbol("redefined")));
            assertThat(t.scheme.eval(use)).as("an earlier parse calls the new definition").isEqualTo(SchemeValue.integer(10));
        }
    }

    @Test
    void aProcedureResultIsReportedAsAProcedure() {
        try (TestInterpreter t = TestInterpreter.start()) {
            SchemeValue result = t.scheme.eval(t.scheme.parse("(lambda (x) x)"));
            assertThat(result.kind()).isEqualTo(SchemeValue.Kind.PROCEDURE);
            assertThat(result.toString()).isEqualTo("#<procedure>");
        }
    }

    @Test
    void freesEveryAllocationTheHostMakes() {
        try (TestInterpreter t = TestInterpreter.start()) {
            // each source is 10 kB and its parse tree (kept: compiled code points into it) under
            // 1 kB: 200 leaked sources would be 2 MB, 200 parse trees under 200 kB
            String bigSource = "; " + "x".repeat(10_000) + "\n(+ 1 2)";
            t.scheme.parse(bigSource);
            int topBefore = heapTop(t);
            for (int i = 0; i < 200; i++) {
                t.scheme.parse(bigSource);
                assertThat(t.scheme.jit()).isEmpty();
            }
            assertThat(heapTop(t) - topBefore).isLessThan(250_000);
        }
    }

    /** Where a large block lands: it moves up by whatever stays allocated below it. */
    private static int heapTop(TestInterpreter t) {
        int block = t.scheme.instance().requireFunction("allocateBytes").callI32(1 << 16);
        t.scheme.instance().requireFunction("freeBytes").callVoid(block);
        return block;
    }

    @Test
    void refusesAnExpressionFromAnotherInterpreter() {
        try (TestInterpreter a = TestInterpreter.start(); TestInterpreter b = TestInterpreter.start()) {
            Expression fromA = a.scheme.parse("1");
            assertThatThrownBy(() -> b.scheme.eval(fromA))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another interpreter");
        }
    }

    @Test
    void closingTwiceIsHarmlessAndUseAfterCloseIsAClearError() {
        TestInterpreter t = TestInterpreter.start();
        Expression program = t.scheme.parse("1");
        t.close();
        t.close();
        assertThatThrownBy(() -> t.scheme.eval(program))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> t.scheme.parse("1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> t.scheme.jit()).isInstanceOf(IllegalStateException.class);
    }
}
