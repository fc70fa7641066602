package example;

import dev.wasmjit.junit.JitRounds;
import dev.wasmjit.junit.Warmup;
import dev.wasmjit.junit.WasmjitTest;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.Test;

import static dev.wasmjit.junit.WasmjitAssertions.assertThat;

/** The JUnit extension from the installed jar: injected interpreters, warmed up and compiled. */
@WasmjitTest
class JunitExtensionTest {

    static final String SQUARE = "(define (square x) (* x x)) (square 3)";

    @Test
    void anInjectedInterpreterEvaluates(SchemeInterpreter scheme) {
        assertThat(scheme.eval("(list 1 \"two\" 3)")).isList(1, "two", 3);
    }

    @Test
    void aWarmedUpProcedureRunsCompiledWhenJavaCallsIt(@Warmup(SQUARE) @JitRounds(1) SchemeInterpreter scheme) {
        assertThat(scheme).runsCompiled(() -> assertThat(scheme.call("square", 12)).isInteger(144));
    }
}
