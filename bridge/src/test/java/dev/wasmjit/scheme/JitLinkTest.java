package dev.wasmjit.scheme;

import dev.wasmjit.bridge.LinkReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JitLinkTest {

    @Test
    void nothingToCompileBeforeAnythingRan() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThat(t.scheme.jit()).isEmpty();
        }
    }

    @Test
    void linksCompiledCodeAndTheSameProgramThenRunsIt() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression program = t.scheme.parse(TestInterpreter.FIB_20);
            assertThat(t.scheme.eval(program).asInteger()).isEqualTo(10946);
            assertThat(t.scheme.pendingJitCount().orElseThrow()).isPositive();
            int tableBefore = t.scheme.tableSize();

            JitModule module = t.scheme.jit().orElseThrow();
            LinkReport report = t.scheme.link(module);

            assertThat(module.size()).isPositive();
            assertThat(module.toString()).startsWith("<JitModule: " + module.size() + " bytes");
            assertThat(report.tableSizeBefore()).isEqualTo(tableBefore);
            assertThat(report.slotsAdded()).isPositive();
            assertThat(t.scheme.tableSize()).isEqualTo(report.tableSizeAfter());
            assertThat(t.scheme.compiledFunctionCount().orElseThrow()).isPositive();
            assertThat(t.scheme.pendingJitCount()).hasValue(0);
            assertThat(t.scheme.eval(program).asInteger()).isEqualTo(10946);
            assertThat(t.scheme.jit()).isEmpty();
        }
    }

    @Test
    void linksSecondJitRoundAfterFirst() {
        try (TestInterpreter t = TestInterpreter.start()) {
            Expression fib = t.scheme.parse(TestInterpreter.FIB_20);
            t.scheme.eval(fib);
            LinkReport first = t.scheme.link(t.scheme.jit().orElseThrow());
            int compiledAfterFirst = t.scheme.compiledFunctionCount().orElseThrow();

            Expression fact = t.scheme.parse(
                    "(letrec ((fact (lambda (n) (if (< n 1) 1 (* n (fact (- n 1))))))) (fact 10))");
            assertThat(t.scheme.eval(fact).asInteger()).isEqualTo(3628800);
            LinkReport second = t.scheme.link(t.scheme.jit().orElseThrow());

            assertThat(second.namespace()).isEqualTo("jit-2");
            assertThat(second.tableSizeBefore()).isEqualTo(first.tableSizeAfter());
            assertThat(second.slotsAdded()).isPositive();
            assertThat(t.scheme.compiledFunctionCount().orElseThrow()).isGreaterThan(compiledAfterFirst);
            assertThat(t.scheme.eval(fact).asInteger()).isEqualTo(3628800);
            assertThat(t.scheme.eval(fib).asInteger()).isEqualTo(10946);
        }
    }
}
