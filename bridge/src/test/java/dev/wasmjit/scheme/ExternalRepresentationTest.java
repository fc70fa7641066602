package dev.wasmjit.scheme;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.wasmjit.scheme.SchemeValue.bool;
import static dev.wasmjit.scheme.SchemeValue.cons;
import static dev.wasmjit.scheme.SchemeValue.emptyList;
import static dev.wasmjit.scheme.SchemeValue.integer;
import static dev.wasmjit.scheme.SchemeValue.list;
import static dev.wasmjit.scheme.SchemeValue.procedure;
import static dev.wasmjit.scheme.SchemeValue.string;
import static dev.wasmjit.scheme.SchemeValue.symbol;
import static dev.wasmjit.scheme.SchemeValue.unspecified;
import static dev.wasmjit.scheme.SchemeValue.vector;
import static dev.wasmjit.scheme.ExternalRepresentation.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalRepresentationTest {

    @Test
    void readsIntegersWithinTheGuestsRangeAndJavasInt() {
        assertThat(read("0")).isEqualTo(integer(0));
        assertThat(read("121393")).isEqualTo(integer(121393));
        assertThat(read("-42")).isEqualTo(integer(-42));
        assertThat(read("+7")).isEqualTo(integer(7));
        assertThat(read("1073741823")).isEqualTo(integer((1 << 30) - 1));
        assertThat(read("-1073741824")).isEqualTo(integer(-(1 << 30)));
        assertThat(read("2147483647")).isEqualTo(integer(Integer.MAX_VALUE));
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
                list(list(list(emptyList())), cons(vector(procedure("f")), unspecified())));
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
    void readsNestingUpToTheLimitAndRefusesDeeper() {
        int depth = ExternalRepresentation.MAX_DEPTH;
        SchemeValue deepest = read("(".repeat(depth) + ")".repeat(depth));
        assertThat(deepest.car().car().kind()).isEqualTo(SchemeValue.Kind.PAIR);

        assertThatThrownBy(() -> read("(".repeat(depth + 1) + ")".repeat(depth + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested more than " + depth + " deep at offset " + depth);
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
            "2147483648|integer out of range: 2147483648 at offset 0",
            "(1 -99999999999)|integer out of range: -99999999999 at offset 3",
            "#x|unknown # syntax: #x at offset 0",
            "#<thing>|unknown # syntax: #<thing> at offset 0",
            "#<procedure|unclosed #<procedure at offset 0",
            "#<procedure sq|expected a procedure's name and > after #<procedure at offset 0",
            "#<procedure >|expected a procedure's name and > after #<procedure at offset 0",
            "'x|unexpected ' (write spells (quote x) out, never 'x) at offset 0",
            "(a ,b)|unexpected , (write spells (quote x) out, never 'x) at offset 3",
            "don't|not a symbol: don't at offset 0",
            "; comment|unexpected ; at offset 0",
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
