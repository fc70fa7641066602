package dev.wasmjit.junit;

import dev.wasmjit.bridge.LinkReport;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.SchemeValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.wasmjit.junit.WasmjitAssertions.assertThat;
import static dev.wasmjit.junit.WasmjitAssertions.assertThatThrownBy;

@WasmjitTest
class AssertionsTest {

    @Test
    void valuesAreComparedAsTheGuestWritesThem(SchemeInterpreter scheme) {
        SchemeValue value = scheme.eval(scheme.parse("(list 1 \"two\" 'three #t '(4 5) (vector 6))"));

        assertThat(value).hasKind(SchemeValue.Kind.PAIR)
                .isList(1, "two", SchemeValue.symbol("three"), true, List.of(4, 5), SchemeValue.vector(SchemeValue.integer(6)))
                .hasWrittenForm("(1 \"two\" three #t (4 5) #(6))");
        assertThat(scheme.eval(scheme.parse("121393"))).isInteger(121393);
        assertThat(scheme.eval(scheme.parse("'()"))).isEmptyList().isList();
        assertThat(scheme.eval(scheme.parse("car"))).isProcedure();
        assertThat(scheme.eval(scheme.parse("(if #f #f)"))).isUnspecified();
        assertThat(scheme.eval(scheme.parse("(vector 1 2)"))).isVector(1, 2);
        assertThat(scheme.eval(scheme.parse("\"s\""))).isString("s");
        assertThat(scheme.eval(scheme.parse("(< 1 2)"))).isBoolean(true);
    }

    @Test
    void aWrongValueIsReportedInWriteForms() {
        SchemeValue value = SchemeValue.list(SchemeValue.integer(1), SchemeValue.integer(2));

        assertThatThrownBy(() -> assertThat(value).isInteger(121393))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expecting the Scheme value")
                .hasMessageContaining("(1 2)").hasMessageContaining("121393");
        assertThatThrownBy(() -> assertThat(value).hasWrittenForm("(1 3)"))
                .hasMessageContaining("to be written as").hasMessageContaining("(1 3)");
        assertThatThrownBy(() -> assertThat(value).isList(1, 2.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2.5");
    }

    @Test
    void linkReportsAreCheckedByFunctionsSlotsAndName() {
        LinkReport report = new LinkReport("jit-1", 400, 3, 10, 13);

        assertThat(report).linkedFunctions(3).addedSlots(3).hasNamespace("jit-1").linkedSomething();
        assertThatThrownBy(() -> assertThat(report).linkedFunctions(2))
                .hasMessageContaining("to have linked 2 functions but it linked 3");
    }

    @Test
    void compiledCodeIsSeenThroughTheGuestsCounters(SchemeInterpreter scheme) {
        String fib = "(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))";
        scheme.eval(scheme.parse(fib + " (fib 5)"));

        assertThatThrownBy(() -> assertThat(scheme).runsCompiled(() -> scheme.eval(scheme.parse("(fib 10)"))))
                .hasMessageContaining("nothing is compiled yet");
        assertThat(scheme).compilesDuring(() -> assertThat(scheme.link(scheme.jit().orElseThrow())).linkedSomething());
        assertThat(scheme).runsCompiled(() -> assertThat(scheme.eval(scheme.parse("(fib 20)"))).isInteger(6765));
        assertThatThrownBy(() -> assertThat(scheme).runsCompiled(
                () -> scheme.eval(scheme.parse("(define (g x) x) (g (fib 3))"))))
                .hasMessageContaining("1 procedures ran interpreted");
        assertThatThrownBy(() -> assertThat(scheme).compilesDuring(() -> scheme.eval(scheme.parse("1"))))
                .hasMessageContaining("to grow while the body ran");
    }
}
