package example;

import dev.wasmjit.junit.JitRounds;
import dev.wasmjit.junit.SchemeProgramSuite;
import dev.wasmjit.junit.SchemePrograms;
import dev.wasmjit.junit.Warmup;
import dev.wasmjit.junit.WasmjitTest;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static dev.wasmjit.junit.WasmjitAssertions.assertThat;

@WasmjitTest
class FibonacciTest {

    static final String FIB = "(define (fib n) (if (< n 2) 1 (+ (fib (- n 1)) (fib (- n 2)))))";

    @Test
    void fib25IsTheSameInterpretedAndCompiled(SchemeInterpreter scheme) {   // a fresh interpreter, closed after the test
        Expression fib25 = scheme.parse(FIB + " (fib 25)");
        assertThat(scheme.eval(fib25)).isInteger(121393);                    // interpreted

        assertThat(scheme).compilesDuring(() -> scheme.jit().ifPresent(scheme::link));
        assertThat(scheme).runsCompiled(() -> assertThat(scheme.eval(fib25)).isInteger(121393));
    }

    @Test
    void warmedUpProceduresRunCompiledInTheTestBody(@Warmup(FIB + " (fib 10)") @JitRounds(1) SchemeInterpreter scheme) {
        assertThat(scheme.eval(scheme.parse("(list (fib 1) (fib 2) (fib 3))"))).isList(1, 2, 3);
        assertThat(scheme).runsCompiled(() -> scheme.eval(scheme.parse("(fib 25)")));
    }

    @SchemePrograms(value = "..", jitRounds = 1)   // every examples/*.scm: interpreted, and after a JIT round
    Stream<DynamicNode> examples(SchemeProgramSuite suite) {
        return suite.dynamicTests();
    }
}
