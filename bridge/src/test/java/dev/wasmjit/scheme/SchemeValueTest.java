package dev.wasmjit.scheme;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.wasmjit.scheme.SchemeValue.bool;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemeValueTest {

    @Test
    void eachFactoryMakesItsKind() {
        assertThat(integer(5).kind()).isEqualTo(SchemeValue.Kind.INTEGER);
        assertThat(bool(true).kind()).isEqualTo(SchemeValue.Kind.BOOLEAN);
        assertThat(string("s").kind()).isEqualTo(SchemeValue.Kind.STRING);
        assertThat(symbol("s").kind()).isEqualTo(SchemeValue.Kind.SYMBOL);
        assertThat(emptyList().kind()).isEqualTo(SchemeValue.Kind.EMPTY_LIST);
        assertThat(list().kind()).isEqualTo(SchemeValue.Kind.EMPTY_LIST);
        assertThat(cons(integer(1), integer(2)).kind()).isEqualTo(SchemeValue.Kind.PAIR);
        assertThat(list(integer(1)).kind()).isEqualTo(SchemeValue.Kind.PAIR);
        assertThat(vector().kind()).isEqualTo(SchemeValue.Kind.VECTOR);
        assertThat(procedure().kind()).isEqualTo(SchemeValue.Kind.PROCEDURE);
        assertThat(procedure("sq").kind()).isEqualTo(SchemeValue.Kind.PROCEDURE);
        assertThat(unspecified().kind()).isEqualTo(SchemeValue.Kind.UNSPECIFIED);
    }

    @Test
    void accessorsGiveTheJavaValues() {
        assertThat(integer(-7).asInteger()).isEqualTo(-7);
        assertThat(bool(true).asBoolean()).isTrue();
        assertThat(bool(false).asBoolean()).isFalse();
        assertThat(string("a\"b").asString()).isEqualTo("a\"b");
        assertThat(symbol("list->vector").asSymbol()).isEqualTo("list->vector");
        assertThat(vector(integer(1), symbol("b")).asVector()).containsExactly(integer(1), symbol("b"));
        assertThat(procedure("sq").procedureName()).hasValue("sq");
        assertThat(procedure().procedureName()).isEmpty();
        assertThat(procedure().isProcedure()).isTrue();
        assertThat(unspecified().isUnspecified()).isTrue();
        assertThat(integer(1).isProcedure()).isFalse();
        assertThat(integer(1).isUnspecified()).isFalse();
    }

    @Test
    void aRecordHasItsTypeNameAndNamedFieldsAndIsWrittenAsTheGuestWritesIt() {
        SchemeValue point = record("point", List.of("x", "y"), List.of(integer(1), list(integer(2))));

        assertThat(point.kind()).isEqualTo(SchemeValue.Kind.RECORD);
        assertThat(point.recordTypeName()).isEqualTo("point");
        assertThat(point.recordFieldNames()).containsExactly("x", "y");
        assertThat(point.recordFieldValues()).containsExactly(integer(1), list(integer(2)));
        assertThat(point.recordField("y")).isEqualTo(list(integer(2)));
        assertThat(point).hasToString("#<point x: 1 y: (2)>");
        assertThat(point).isEqualTo(record("point", List.of("x", "y"), List.of(integer(1), list(integer(2)))));
        assertThat(point).isNotEqualTo(record("point", List.of("x", "z"), List.of(integer(1), list(integer(2)))));
        assertThat(recordType("<point>").kind()).isEqualTo(SchemeValue.Kind.RECORD_TYPE);
        assertThat(recordType("<point>")).hasToString("#<record-type <point>>");
        assertThat(recordType("<point>").recordTypeNameOfType()).isEqualTo("<point>");
        assertThatThrownBy(() -> point.recordField("z")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the record #<point x: 1 y: (2)> has no field z");
        assertThatThrownBy(() -> integer(5).recordTypeName()).isInstanceOf(ClassCastException.class)
                .hasMessage("the result is the integer 5, not a record");
        assertThatThrownBy(() -> record("p", List.of("x"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 field names for 0 values");
    }

    @Test
    void aProperListIsAChainOfPairsEndingInTheEmptyList() {
        SchemeValue list = list(integer(1), integer(2));

        assertThat(list).isEqualTo(cons(integer(1), cons(integer(2), emptyList())));
        assertThat(list.car()).isEqualTo(integer(1));
        assertThat(list.cdr().car()).isEqualTo(integer(2));
        assertThat(list.cdr().cdr()).isEqualTo(emptyList());
        assertThat(list.isList()).isTrue();
        assertThat(list.asList()).containsExactly(integer(1), integer(2));
        assertThat(emptyList().isList()).isTrue();
        assertThat(emptyList().asList()).isEmpty();
        assertThat(list(List.of(integer(1), integer(2)))).isEqualTo(list);
    }

    @Test
    void theListsAndVectorsItGivesCannotBeChanged() {
        assertThatThrownBy(() -> list(integer(1)).asList().add(integer(2)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> vector(integer(1)).asVector().set(0, integer(2)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void onlyFalseIsFalse() {
        assertThat(bool(false).isTruthy()).isFalse();
        for (SchemeValue value : List.of(bool(true), integer(0), emptyList(), string(""), vector(),
                unspecified(), procedure(), symbol("f"))) {
            assertThat(value.isTruthy()).as(value.toString()).isTrue();
        }
    }

    @Test
    void printsTheGuestsWriteForm() {
        assertThat(integer(10946)).hasToString("10946");
        assertThat(integer(-3)).hasToString("-3");
        assertThat(bool(true)).hasToString("#t");
        assertThat(bool(false)).hasToString("#f");
        assertThat(emptyList()).hasToString("()");
        assertThat(list(integer(1), integer(2), integer(3))).hasToString("(1 2 3)");
        assertThat(cons(symbol("a"), integer(1))).hasToString("(a . 1)");
        assertThat(cons(integer(1), cons(integer(2), integer(3)))).hasToString("(1 2 . 3)");
        assertThat(string("a\"b\\c\nd")).hasToString("\"a\\\"b\\\\c\\nd\"");
        assertThat(vector(integer(1), integer(2))).hasToString("#(1 2)");
        assertThat(vector()).hasToString("#()");
        assertThat(procedure("sq")).hasToString("#<procedure sq>");
        assertThat(procedure()).hasToString("#<procedure>");
        assertThat(unspecified()).hasToString("#<unspecified>");
        assertThat(list(symbol("quote"), symbol("x"))).hasToString("(quote x)");
        assertThat(list(list(integer(1), list()), vector(list(string("s"))), cons(bool(true), bool(false))))
                .hasToString("((1 ()) #((\"s\")) (#t . #f))");
    }

    @Test
    void charactersAreUnicodeScalarValuesWrittenAsTheGuestWritesThem() {
        assertThat(SchemeValue.character(0x3bb).asChar()).isEqualTo(0x3bb);
        assertThat(SchemeValue.character('a')).hasToString("#\\a");
        assertThat(SchemeValue.character(0x1f600)).hasToString("#\\\ud83d\ude00");
        assertThat(SchemeValue.character(' ')).hasToString("#\\space");
        assertThat(SchemeValue.character(0)).hasToString("#\\null");
        assertThat(SchemeValue.character(0x85)).hasToString("#\\x85");
        assertThat(SchemeValue.character(0xe000)).hasToString("#\\xe000");
        assertThat(SchemeValue.character(0x378)).as("unassigned").hasToString("#\\x378");
        assertThat(string("\u03bb\u0007\u00a0 \u0378\ufdd0")).hasToString("\"\u03bb\\a\\xa0; \\x378;\\xfdd0;\"");
        assertThatThrownBy(() -> SchemeValue.character(0xd800))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a Unicode scalar value: 0xd800");
        assertThatThrownBy(() -> SchemeValue.character(0x110000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> integer(97).asChar())
                .isInstanceOf(ClassCastException.class).hasMessage("the result is the integer 97, not a character");
    }

    @Test
    void bytevectorsHoldUnsignedBytesAndCompareByContent() {
        SchemeValue bytes = SchemeValue.bytevector(new byte[] {1, (byte) 200});
        assertThat(bytes).hasToString("#u8(1 200)");
        assertThat(bytes.asBytevector()).containsExactly(1, (byte) 200);
        assertThat(bytes).isEqualTo(SchemeValue.bytevector(new byte[] {1, (byte) 200}))
                .isNotEqualTo(vector(integer(1), integer(200)));
        assertThatThrownBy(() -> string("a").asBytevector())
                .isInstanceOf(ClassCastException.class).hasMessage("the result is the string \"a\", not a bytevector");
    }

    @Test
    void equalityIsStructural() {
        SchemeValue a = list(integer(1), vector(string("x"), symbol("y")), cons(bool(true), procedure("f")));
        SchemeValue b = list(integer(1), vector(string("x"), symbol("y")), cons(bool(true), procedure("f")));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(list(integer(1), vector(string("x"), symbol("y")), cons(bool(true), procedure("g"))));
        assertThat(string("x")).isNotEqualTo(symbol("x"));
        assertThat(integer(0)).isNotEqualTo(bool(false));
        assertThat(emptyList()).isNotEqualTo(vector());
        assertThat(list(integer(1))).isNotEqualTo(cons(integer(1), integer(2)));
        assertThat(procedure()).isNotEqualTo(procedure("f"));
        assertThat(procedure("f")).isEqualTo(procedure("f"));
    }

    @Test
    void aLongListComparesHashesAndPrintsWithoutOverflowingTheStack() {
        SchemeValue a = emptyList();
        SchemeValue b = emptyList();
        for (int i = 0; i < 1_000_000; i++) {
            a = cons(integer(i), a);
            b = cons(integer(i), b);
        }
        assertThat(a.equals(b)).isTrue();
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a.toString()).startsWith("(999999 999998 ").endsWith(" 1 0)");
        assertThat(a.isList()).isTrue();
    }

    @Test
    void anAccessorOfAnotherKindIsAClassCastExceptionSayingWhatTheValueIs() {
        assertThatThrownBy(() -> integer(5).asList())
                .isInstanceOf(ClassCastException.class).hasMessage("the result is the integer 5, not a list");
        assertThatThrownBy(() -> cons(integer(1), integer(2)).asList())
                .isInstanceOf(ClassCastException.class).hasMessage("the result is the pair (1 . 2), not a proper list");
        assertThatThrownBy(() -> procedure().asInteger())
                .isInstanceOf(ClassCastException.class).hasMessage("the result is a procedure, not an integer");
        assertThatThrownBy(() -> procedure("sq").asInteger())
                .isInstanceOf(ClassCastException.class).hasMessage("the result is the procedure sq, not an integer");
        assertThatThrownBy(() -> list(integer(1), integer(2)).asInteger())
                .isInstanceOf(ClassCastException.class).hasMessage("the result is the list (1 2), not an integer");
        assertThatThrownBy(() -> symbol("abc").asString())
                .isInstanceOf(ClassCastException.class).hasMessage("the result is the symbol abc, not a string");
        assertThatThrownBy(() -> string("abc").asSymbol())
                .isInstanceOf(ClassCastException.class).hasMessage("the result is the string \"abc\", not a symbol");
        assertThatThrownBy(() -> integer(0).asBoolean())
                .isInstanceOf(ClassCastException.class).hasMessage("the result is the integer 0, not a boolean");
        assertThatThrownBy(() -> bool(false).asVector())
                .isInstanceOf(ClassCastException.class).hasMessage("the result is the boolean #f, not a vector");
        assertThatThrownBy(() -> emptyList().car())
                .isInstanceOf(ClassCastException.class).hasMessage("the result is the empty list, not a pair");
        assertThatThrownBy(() -> vector(integer(1)).cdr())
                .isInstanceOf(ClassCastException.class).hasMessage("the result is the vector #(1), not a pair");
        assertThatThrownBy(() -> unspecified().procedureName())
                .isInstanceOf(ClassCastException.class).hasMessage("the result is the unspecified value, not a procedure");
    }

    @Test
    void anErrorShowsOnlyTheStartOfALongValue() {
        SchemeValue longList = list(java.util.Collections.nCopies(1000, integer(12345)));
        assertThatThrownBy(longList::asInteger)
                .isInstanceOf(ClassCastException.class)
                .hasMessage("the result is the list " + ("(" + "12345 ".repeat(12)).substring(0, 60) + "..., not an integer");
    }

    @Test
    void refusesProcedureNamesThatWouldNotReadBack() {
        for (String name : List.of("", "a b", "(", "a)", "\"s\"", "a;b", "'x", "#t", ".", "12", "-3", "a,b")) {
            assertThatThrownBy(() -> procedure(name)).as(name).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a procedure name that reads back");
        }
    }

    @Test
    void writesSymbolsThatWouldNotReadBackBareBetweenBarsAndReadsThemBack() {
        assertThat(symbol("a b")).hasToString("|a b|");
        assertThat(symbol("")).hasToString("||");
        assertThat(symbol("12")).hasToString("|12|");
        assertThat(symbol("x|y")).hasToString("|x\\|y|");
        assertThat(symbol("-")).hasToString("-");
        assertThat(symbol("a\nb")).hasToString("|a\\nb|");
        for (String name : List.of("", "a b", "(", "a)", "\"s\"", "a;b", "'x", "#t", ".", "12", "-3", "a,b", "x|y", "a\\b", "a\nb\tc\rd")) {
            assertThat(ExternalRepresentation.read(symbol(name).toString())).as(name).isEqualTo(symbol(name));
        }
    }

    @Test
    void theSeedsFactoriesKeepWorking() {
        assertThat(integer(10946)).isEqualTo(integer(10946));
        assertThat(integer(10946).isInteger()).isTrue();
        assertThat(procedure()).hasToString("#<procedure>");
        assertThat(procedure().isInteger()).isFalse();
    }
}
