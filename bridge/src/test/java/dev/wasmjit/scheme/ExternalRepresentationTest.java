package dev.wasmjit.scheme;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.List;

import static dev.wasmjit.scheme.SchemeValue.bool;
import static dev.wasmjit.scheme.SchemeValue.bytevector;
import static dev.wasmjit.scheme.SchemeValue.character;
import static dev.wasmjit.scheme.SchemeValue.cons;
import static dev.wasmjit.scheme.SchemeValue.emptyList;
import static dev.wasmjit.scheme.SchemeValue.integer;
import static dev.wasmjit.scheme.SchemeValue.list;
import static dev.wasmjit.scheme.SchemeValue.procedure;
import static dev.wasmjit.scheme.SchemeValue.record;
import static dev.wasmjit.scheme.SchemeValue.recordType;
import static dev.wasmjit.scheme.SchemeValue.string;
import static dev.wasmjit.scheme.SchemeValue.symbol;
import static dev.wasmjit.scheme.SchemeValue.unspecified;
import static dev.wasmjit.scheme.SchemeValue.vector;
import static dev.wasmjit.scheme.ExternalRepresentation.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalRepresentationTest {

    @Test
    void readsIntegersOfAnySize() {
        assertThat(read("0")).isEqualTo(integer(0));
        assertThat(read("121393")).isEqualTo(integer(121393));
        assertThat(read("-42")).isEqualTo(integer(-42));
        assertThat(read("+7")).isEqualTo(integer(7));
        assertThat(read("1073741823")).isEqualTo(integer((1 << 30) - 1));
        assertThat(read("-1073741824")).isEqualTo(integer(-(1 << 30)));
        assertThat(read("2147483648").asLong()).isEqualTo(2147483648L);
        assertThat(read("-123456789012345678901234567890").asBigInteger())
                .isEqualTo(new BigInteger("-123456789012345678901234567890"));
    }

    @Test
    void readsRationalsInLowestTerms() {
        SchemeValue third = read("-1/3");
        assertThat(third.kind()).isEqualTo(SchemeValue.Kind.RATIONAL);
        assertThat(third.numerator()).isEqualTo(BigInteger.valueOf(-1));
        assertThat(third.denominator()).isEqualTo(BigInteger.valueOf(3));
        assertThat(read("6/4")).isEqualTo(SchemeValue.rational(BigInteger.valueOf(3), BigInteger.TWO)).hasToString("3/2");
        assertThat(read("6/3")).isEqualTo(integer(2));
        assertThat(read("1/4").asBigDecimal()).isEqualByComparingTo("0.25");
    }

    @Test
    void readsRealsAsTheGuestWritesThem() {
        assertThat(read("1.5").asDouble()).isEqualTo(1.5);
        assertThat(read("1.0e21").asDouble()).isEqualTo(1e21);
        assertThat(read("1.0e-7").asDouble()).isEqualTo(1e-7);
        assertThat(read("-0.0")).isEqualTo(SchemeValue.real(-0.0)).isNotEqualTo(SchemeValue.real(0.0));
        assertThat(read("+inf.0").asDouble()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(read("-inf.0").asDouble()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(read("+nan.0")).isEqualTo(SchemeValue.real(Double.NaN));
        assertThat(read("0.1").asBigDecimal()).isEqualByComparingTo(new java.math.BigDecimal(0.1));
        assertThat(read("(1.5 2)")).isEqualTo(list(SchemeValue.real(1.5), integer(2)));
    }

    @Test
    void readsComplexNumbersWithBothParts() {
        SchemeValue z = read("1.0-2.5e-3i");
        assertThat(z.kind()).isEqualTo(SchemeValue.Kind.COMPLEX);
        assertThat(z.realPart()).isEqualTo(1.0);
        assertThat(z.imaginaryPart()).isEqualTo(-2.5e-3);
        assertThat(read("+inf.0+nan.0i")).isEqualTo(SchemeValue.complex(Double.POSITIVE_INFINITY, Double.NaN));
        assertThat(read("-1.0+0.0i")).hasToString("-1.0+0.0i");
    }

    @Test
    void writesRealsAsTheShortestDecimalInGuilesLayout() {
        double[] values = {0.1, 1.0, 100.0, 1e21, 1e22, 0.001, 1e-4, 1234567.0, 1e7, 12345678901.0, 3.141592653589793,
            5e-324, 1.7976931348623157e308, -2.5, 0.1 + 0.2};
        String[] written = {"0.1", "1.0", "100.0", "1.0e21", "1.0e22", "0.001", "1.0e-4", "1234567.0", "1.0e7",
            "12345678901.0", "3.141592653589793", "5.0e-324", "1.7976931348623157e308", "-2.5", "0.30000000000000004"};
        for (int i = 0; i < values.length; i++) {
            assertThat(SchemeValue.real(values[i])).hasToString(written[i]);
            assertThat(read(written[i]).asDouble()).isEqualTo(values[i]);
        }
    }

    @Test
    void refusesAccessorsOfTheWrongNumber() {
        assertThatThrownBy(() -> read("1/3").asBigDecimal()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the result is the rational 1/3, which no decimal holds exactly");
        assertThatThrownBy(() -> read("2147483648").asInteger()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the result is the integer 2147483648, beyond an int");
        assertThatThrownBy(() -> read("1.5").asInteger()).isInstanceOf(ClassCastException.class)
                .hasMessage("the result is the real 1.5, not an integer");
        assertThatThrownBy(() -> read("1.0+2.0i").asDouble()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the result is the complex number 1.0+2.0i, not a real number");
    }

    @Test
    void readsTheEofObjectAndPortsAsTheGuestWritesThem() {
        assertThat(read("#<eof>")).isEqualTo(SchemeValue.eofObject());
        assertThat(read("(#<input port> #<closed output port>)").asList())
                .extracting(SchemeValue::kind).containsExactly(SchemeValue.Kind.PORT, SchemeValue.Kind.PORT);
        assertThatThrownBy(() -> read("#<input thing>")).hasMessageContaining("expected a port's written form");
    }

    @Test
    void readsBothSpellingsOfTheBooleans() {
        assertThat(read("#t")).isEqualTo(bool(true));
        assertThat(read("#true")).isEqualTo(bool(true));
        assertThat(read("#f")).isEqualTo(bool(false));
        assertThat(read("#false")).isEqualTo(bool(false));
    }

    @Test
    void readsStringsWithTheirThreeEscapes() {
        assertThat(read("\"abc\"")).isEqualTo(string("abc"));
        assertThat(read("\"\"")).isEqualTo(string(""));
        assertThat(read("\"a\\\"b\\\\c\\nd\"")).isEqualTo(string("a\"b\\c\nd"));
        assertThat(read("\"(not a list) ; nor a comment\"")).isEqualTo(string("(not a list) ; nor a comment"));
        assertThat(read("\"h\u00e9llo \u03bb \ud83d\ude00\"")).isEqualTo(string("h\u00e9llo \u03bb \ud83d\ude00"));
    }

    @Test
    void readsTheStringEscapesOfR7rsIncludingHexCodePoints() {
        assertThat(read("\"\\a\\b\\t\\r\\|\"")).isEqualTo(string("\u0007\b\t\r|"));
        assertThat(read("\"\\x3bb;\\x1F600;\\x0;x\"")).isEqualTo(string("\u03bb\ud83d\ude00\u0000x"));
    }

    @Test
    void readsCharactersByThemselvesByNameAndByHex() {
        assertThat(read("#\\a").asChar()).isEqualTo('a');
        assertThat(read("#\\\u03bb").asChar()).isEqualTo(0x3bb);
        assertThat(read("#\\\ud83d\ude00").asChar()).isEqualTo(0x1f600);
        assertThat(read("#\\(").asChar()).isEqualTo('(');
        assertThat(read("#\\x").asChar()).isEqualTo('x');
        assertThat(read("#\\x3bb").asChar()).isEqualTo(0x3bb);
        assertThat(read("#\\space").asChar()).isEqualTo(' ');
        assertThat(read("(#\\alarm #\\backspace #\\delete #\\escape #\\newline #\\null #\\return #\\tab)").asList())
                .extracting(SchemeValue::asChar).containsExactly(7, 8, 127, 27, 10, 0, 13, 9);
        assertThat(read("#\\a").kind()).isEqualTo(SchemeValue.Kind.CHARACTER);
    }

    @Test
    void readsBytevectors() {
        assertThat(read("#u8()").asBytevector()).isEmpty();
        assertThat(read("#u8(1 2 255)").asBytevector()).containsExactly(1, 2, (byte) 255);
        assertThat(read("(#u8(0) #(#u8(7)))")).isEqualTo(list(bytevector(new byte[] {0}), vector(bytevector(new byte[] {7}))));
        assertThat(read("#u8(1)").kind()).isEqualTo(SchemeValue.Kind.BYTEVECTOR);
    }

    @Test
    void readsSymbolsAsBareWordsIncludingOperatorsAndArrows() {
        assertThat(read("abc")).isEqualTo(symbol("abc"));
        for (String name : List.of("+", "-", "...", "-x", "list->vector", "set-car!", "null?", "<=", "a.b")) {
            assertThat(read(name)).as(name).isEqualTo(symbol(name));
        }
    }

    @Test
    void readsTheEmptyListAndProperLists() {
        assertThat(read("()")).isEqualTo(emptyList());
        assertThat(read("( )")).isEqualTo(emptyList());
        assertThat(read("(1 2 3)")).isEqualTo(list(integer(1), integer(2), integer(3)));
        assertThat(read("(1 2 3)").asList()).containsExactly(integer(1), integer(2), integer(3));
    }

    @Test
    void readsDottedPairsAndImproperLists() {
        assertThat(read("(a . 1)")).isEqualTo(cons(symbol("a"), integer(1)));
        assertThat(read("(1 2 . 3)")).isEqualTo(cons(integer(1), cons(integer(2), integer(3))));
        assertThat(read("(1 . (2 3))")).isEqualTo(list(integer(1), integer(2), integer(3)));
        assertThat(read("(1 . ())")).isEqualTo(list(integer(1)));
    }

    @Test
    void readsVectors() {
        assertThat(read("#()")).isEqualTo(vector());
        assertThat(read("#(1 \"two\" three)")).isEqualTo(vector(integer(1), string("two"), symbol("three")));
    }

    @Test
    void readsProceduresNamedAndAnonymousAndTheUnspecifiedValue() {
        assertThat(read("#<procedure>")).isEqualTo(procedure());
        assertThat(read("#<procedure sq>")).isEqualTo(procedure("sq"));
        assertThat(read("#<procedure list->vector>")).isEqualTo(procedure("list->vector"));
        assertThat(read("#<procedure a>>")).isEqualTo(procedure("a>"));
        assertThat(read("#<unspecified>")).isEqualTo(unspecified());
        assertThat(read("(#<procedure sq> #<procedure> #<unspecified>)"))
                .isEqualTo(list(procedure("sq"), procedure(), unspecified()));
    }

    @Test
    void readsAContinuationAsTheAnonymousProcedureItIs() {
        assertThat(read("#<continuation>")).isEqualTo(procedure());
        assertThat(read("(#<continuation> 1)")).isEqualTo(list(procedure(), integer(1)));
        assertThat(read("#<p k: #<continuation>>")).isEqualTo(record("p", List.of("k"), List.of(procedure())));
    }

    @Test
    void readsRecordsAsTheGuestWritesThemNestedAndWithFieldsOfEveryKind() {
        SchemeValue point = record("point", List.of("x", "y"), List.of(integer(1), integer(2)));
        assertThat(read("#<point x: 1 y: 2>")).isEqualTo(point);
        assertThat(read("#<node v: 1 next: #<node v: 2 next: #f>>")).isEqualTo(record("node", List.of("v", "next"),
                List.of(integer(1), record("node", List.of("v", "next"), List.of(integer(2), bool(false))))));
        assertThat(read("(#<point x: 1 y: 2> #<thing>)")).isEqualTo(list(point, record("thing", List.of(), List.of())));
        assertThat(read("#<p a: (1 #<thing>) b: \"s>\" c: |x>| d: a>b>")).isEqualTo(record("p", List.of("a", "b", "c", "d"),
                List.of(list(integer(1), record("thing", List.of(), List.of())), string("s>"), symbol("x>"), symbol("a>b"))));
        assertThat(read("#<p f: #<procedure sq> g: #<procedure> u: #<unspecified>>")).isEqualTo(record("p",
                List.of("f", "g", "u"), List.of(procedure("sq"), procedure(), unspecified())));
        assertThat(read("#<record-type <point>>")).isEqualTo(recordType("<point>"));
        assertThat(read("#<p t: #<record-type point>>")).isEqualTo(record("p", List.of("t"), List.of(recordType("point"))));
    }

    @Test
    void readsNestedListsAndVectorsAndQuoteFormsAsWritten() {
        SchemeValue read = read("((1 2) #(a (b . c) #()) () (quote x) \"s\")");
        assertThat(read).isEqualTo(list(
                list(integer(1), integer(2)),
                vector(symbol("a"), cons(symbol("b"), symbol("c")), vector()),
                emptyList(),
                list(symbol("quote"), symbol("x")),
                string("s")));
    }

    @Test
    void toleratesWhitespaceAroundAndBetweenParts() {
        assertThat(read("  \n( 1\t2 .\n3 ) \n")).isEqualTo(cons(integer(1), cons(integer(2), integer(3))));
        assertThat(read("(1(2)#(3)\"4\")")).isEqualTo(list(integer(1), list(integer(2)), vector(integer(3)), string("4")));
    }

    @Test
    void readsBackWhatToStringWritesForEveryKind() {
        List<SchemeValue> values = List.of(
                integer(0), integer(-(1 << 30)), integer((1 << 30) - 1),
                integer(new BigInteger("-98765432109876543210987654321")), integer(Long.MIN_VALUE),
                SchemeValue.rational(BigInteger.ONE, BigInteger.valueOf(-7)),
                SchemeValue.real(0.1), SchemeValue.real(-0.0), SchemeValue.real(6.02e23), SchemeValue.real(1e-300),
                SchemeValue.real(Double.NaN), SchemeValue.real(Double.NEGATIVE_INFINITY),
                SchemeValue.complex(1.5, -2.0), SchemeValue.complex(0.0, Double.POSITIVE_INFINITY),
                symbol("+inf.x"), symbol("-i"),
                bool(true), bool(false),
                string(""), string("a\"b\\c\nd\te"), string("#t"), string("(1 . 2)"),
                symbol("x"), symbol("string->symbol"), symbol("..."),
                emptyList(),
                list(integer(1), integer(2), integer(3)),
                cons(symbol("a"), integer(1)),
                cons(integer(1), cons(integer(2), string("end"))),
                vector(), vector(integer(1), vector(emptyList()), list(bool(false))),
                procedure(), procedure("sq"),
                unspecified(),
                list(symbol("quote"), list(symbol("quote"), symbol("x"))),
                list(list(list(emptyList())), cons(vector(procedure("f")), unspecified())),
                record("point", List.of("x", "y"), List.of(integer(1), symbol("<x>"))),
                record("node", List.of("next"), List.of(record("node", List.of("next"), List.of(procedure())))),
                recordType("<point>"),
                character('a'), character(' '), character(0x3bb), character(0x1f600), character(0), character(0x85),
                character(0xa0), character('('), character(0x10ffff),
                string("\u03bb\ud83d\ude00\u00e9"), string("\u0007\u0000\u0085\u00a0 \u200b"),
                bytevector(new byte[0]), bytevector(new byte[] {0, 1, (byte) 128, (byte) 255}));
        for (SchemeValue value : values) {
            assertThat(read(value.toString())).as(value.toString()).isEqualTo(value);
        }
    }

    @Test
    void readsAListOfAHundredThousandElementsWithoutRecursion() {
        String text = "(" + "7 ".repeat(100_000) + ")";
        SchemeValue value = read(text);
        assertThat(value.asList()).hasSize(100_000);
        assertThat(value.toString()).isEqualTo(text.replace(" )", ")"));
        assertThat(read(value.toString())).isEqualTo(value).hasSameHashCodeAs(value);
    }

    @Test
    void readsComparesHashesAndWritesDataNestedAHundredThousandDeep() {
        int depth = 100_000;
        String text = "(".repeat(depth) + "#(1)" + ")".repeat(depth);
        SchemeValue deepest = read(text);
        SchemeValue again = read(text);
        assertThat(deepest.car().car().kind()).isEqualTo(SchemeValue.Kind.PAIR);
        assertThat(deepest.toString()).isEqualTo(text);
        assertThat(deepest).isEqualTo(again).hasSameHashCodeAs(again);
        assertThat(deepest).isNotEqualTo(read(text.replace("#(1)", "#(2)")));
    }

    @Test
    void refusesCircularDataByItsDatumLabel() {
        assertThatThrownBy(() -> read("#0=(1 2 . #0#)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("circular data, which has no SchemeValue (datum label #0=) at offset 0");
        assertThatThrownBy(() -> read("(#1=#(1 #1#))"))
                .hasMessageContaining("(datum label #1=) at offset 1");
    }

    @Test
    void readsTheSymbolWithThreeDotsAsASymbol() {
        // The guest never cuts a written form short, so "..." is only ever the symbol.
        assertThat(read("(a ... b)").asList()).containsExactly(
                SchemeValue.symbol("a"), SchemeValue.symbol("..."), SchemeValue.symbol("b"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``|no value at offset 0",
            "`   `|no value at offset 3",
            "(1 2|unclosed list at offset 0",
            "(1 #(2 (3)|unclosed vector at offset 3",
            "(1 #(2 (3))|unclosed list at offset 0",
            "(1))|more text after the value at offset 3",
            "1 2|more text after the value at offset 2",
            ")|unexpected ) at offset 0",
            "\"abc|unterminated string at offset 0",
            "(\"a\\|unterminated string at offset 1",
            "\"a\\qb\"|unknown escape \\q in a string at offset 2",
            "(. 1)|a dot with no value before it at offset 1",
            "(1 .)|expected a value after the dot at offset 4",
            "(1 . 2 3)|expected ) after the value that follows the dot at offset 7",
            "(1 . 2 . 3)|expected ) after the value that follows the dot at offset 7",
            ".|a dot outside a list at offset 0",
            "#(1 . 2)|a dot in a vector at offset 4",
            "1.5.2|not a symbol: 1.5.2 at offset 0",
            "(1 1/0)|not a symbol: 1/0 at offset 3",
            "#x|unknown # syntax: #x at offset 0",
            "#q|unknown # syntax: #q at offset 0",
            "#<point x 1>|expected a field's name and : or > in a record at offset 8",
            "#<point x: 1|unclosed record at offset 0",
            "#<point x: 1)|expected a field's name and : or > in a record at offset 12",
            "#<point x: )|unexpected ) at offset 11",
            "#<point x: . 2>|a dot in a record at offset 11",
            "#<record-type|unclosed #<record-type at offset 0",
            "#<procedure|unclosed #<procedure at offset 0",
            "#<procedure sq|expected a procedure's name and > after #<procedure at offset 0",
            "#<procedure >|expected a procedure's name and > after #<procedure at offset 0",
            "'x|unexpected ' (write spells (quote x) out, never 'x) at offset 0",
            "(a ,b)|unexpected , (write spells (quote x) out, never 'x) at offset 3",
            "don't|not a symbol: don't at offset 0",
            "; comment|unexpected ; at offset 0",
            "#\\spaces|unknown character #\\spaces at offset 0",
            "#\\x110000|unknown character #\\x110000 at offset 0",
            "(#\\|a character's name missing after #\\ at offset 1",
            "\"\\x41\"|expected hex digits of a Unicode scalar value and ; after \\x at offset 1",
            "\"\\xD800;\"|expected hex digits of a Unicode scalar value and ; after \\x at offset 1",
            "#u8(1 256)|a bytevector holds integers from 0 to 255, not 256 at offset 6",
            "#u8(a)|a bytevector holds integers from 0 to 255, not a at offset 4",
            "#u8(1|unclosed bytevector at offset 0",
    })
    void refusesMalformedTextSayingWhatAndWhere(String text, String message) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed value: " + message + " in: ");
    }

    @Test
    void showsTheTextAroundTheProblemInLongInput() {
        String text = "(" + "1 ".repeat(1000) + "#q " + "2 ".repeat(1000) + ")";
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed value: unknown # syntax: #q at offset 2001 in: "
                        + "..." + "1 ".repeat(15) + "#q " + "2 ".repeat(13) + "2" + "...");
    }
}
