package dev.wasmjit.junit;

import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.wasmjit.junit.WasmjitAssertions.assertThat;
import static dev.wasmjit.junit.WasmjitAssertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests that must fail, run through JUnit's engine test kit: what their failures say, and that
 * the extension closed their instances anyway. The fixtures are nested classes, which the
 * build's own test run skips.
 */
class ReportedFailuresTest {

    private static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
    }

    private static List<Throwable> failures(EngineExecutionResults results) {
        return results.testEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
                .map(r -> r.getThrowable().orElseThrow()).toList();
    }

    private static List<String> failedTestNames(EngineExecutionResults results) {
        return results.testEvents().failed().stream().map(Event::getTestDescriptor)
                .map(d -> d.getParent().orElseThrow().getDisplayName() + " / " + d.getDisplayName()).toList();
    }

    // ---- program files -------------------------------------------------------------------

    static class PassingPrograms {
        @SchemePrograms(value = "classpath:programs/passing", jitRounds = 2)
        Stream<DynamicNode> programs(SchemeProgramSuite suite) {
            return suite.dynamicTests();
        }
    }

    @Test
    void programsWithTheirResultTheirOutputAndTheirErrorPassInterpretedAndAfterEachRound() {
        EngineExecutionResults results = run(PassingPrograms.class);

        results.testEvents().assertStatistics(s -> s.started(9).succeeded(9).failed(0));
        assertThat(results.containerEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .contains("passing/list.scm", "passing/squares.scm", "passing/unbound.scm");
    }

    static class WrongExpectation {
        @SchemePrograms(value = "classpath:programs/wrong-expectation", jitRounds = 1)
        Stream<DynamicNode> programs(SchemeProgramSuite suite) {
            return suite.dynamicTests();
        }
    }

    @Test
    void aWrongExpectationReportsTheFileTheLineTheExpectedAndTheActualValue() {
        EngineExecutionResults results = run(WrongExpectation.class);

        results.testEvents().assertStatistics(s -> s.started(2).failed(2));
        assertThat(failedTestNames(results)).containsExactly("wrong-expectation/off-by-one.scm / interpreted",
                "wrong-expectation/off-by-one.scm / after JIT round 1");
        Throwable interpreted = failures(results).get(0);
        assertThat(interpreted).isInstanceOf(AssertionFailedError.class).hasMessage(
                "wrong-expectation/off-by-one.scm line 3 (; expect: 6766), interpreted: expected 6766 but the program gave 6765");
        AssertionFailedError failure = (AssertionFailedError) interpreted;
        assertThat(failure.getExpected().getStringRepresentation()).isEqualTo("result: 6766");
        assertThat(failure.getActual().getStringRepresentation()).isEqualTo("result: 6765");
        assertThat(failures(results).get(1)).hasMessageContaining("after JIT round 1: expected 6766 but the program gave 6765");
    }

    static class ErrorInsteadOfResult {
        @SchemePrograms(value = "classpath:programs/error-instead-of-result", jitRounds = 0)
        Stream<DynamicNode> programs(SchemeProgramSuite suite) {
            return suite.dynamicTests();
        }
    }

    @Test
    void aGuestErrorWhereAResultWasExpectedReportsTheGuestsMessage() {
        EngineExecutionResults results = run(ErrorInsteadOfResult.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failures(results).get(0)).isInstanceOf(AssertionFailedError.class).hasMessage(
                "error-instead-of-result/car-of-integer.scm line 4 (; expect: 1), interpreted: expected 1 but the"
                        + " program failed: wrong type: car expects a pair as argument 1, got the integer 5");
    }

    static class WrongError {
        @SchemePrograms(value = "classpath:programs/wrong-error", jitRounds = 0)
        Stream<DynamicNode> programs(SchemeProgramSuite suite) {
            return suite.dynamicTests();
        }
    }

    @Test
    void anotherErrorThanTheExpectedOneReportsBoth() {
        EngineExecutionResults results = run(WrongError.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failures(results).get(0)).hasMessage("wrong-error/unbound.scm line 2 (; error: unbound variable: y),"
                + " interpreted: expected the error \"unbound variable: y\" but the program failed: unbound variable: x"
                + " at line 1, column 4");
    }

    // ---- instances closed after failures --------------------------------------------------

    static class FailingTestOnAnInterpreter {
        static volatile SchemeInterpreter scheme;
        static volatile ReactorInstance underneath;
        static volatile ReactorInstance reactor;

        @Test
        @WasmjitTest
        void failsAnAssertion(SchemeInterpreter scheme, ReactorInstance reactor) {
            FailingTestOnAnInterpreter.scheme = scheme;
            FailingTestOnAnInterpreter.underneath = scheme.instance();
            FailingTestOnAnInterpreter.reactor = reactor;
            assertThat(scheme.eval(scheme.parse("(+ 1 1)"))).isInteger(3);
        }
    }

    @Test
    void anInstanceIsReallyClosedAfterAFailingTest() {
        EngineExecutionResults results = run(FailingTestOnAnInterpreter.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failures(results).get(0)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting the Scheme value").hasMessageContaining("2");
        assertThat(FailingTestOnAnInterpreter.underneath.isClosed()).isTrue();
        assertThat(FailingTestOnAnInterpreter.reactor.isClosed()).isTrue();
        assertThatThrownBy(() -> FailingTestOnAnInterpreter.scheme.parse("1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aFailingTestShowsWhatItsGuestPrinted() {
        EngineExecutionResults results = run(FailingTestOnAnInterpreter.class);

        assertThat(failures(results).get(0).getSuppressed()).singleElement()
                .satisfies(s -> assertThat(s).hasMessage("guest stdout:\nresult: 2\nguest stderr:\n"));
    }

    static class TestThatTimesOutInAGuestCall {
        static volatile ReactorInstance underneath;

        @Test
        @WasmjitTest
        @Timeout(value = 100, unit = TimeUnit.MILLISECONDS)
        void loopsForever(@Deadline(value = 1, unit = TimeUnit.SECONDS) SchemeInterpreter scheme) {
            underneath = scheme.instance();
            scheme.eval(scheme.parse("(let loop () (loop))"));
        }
    }

    @Test
    void anInstanceIsClosedAfterATestThatTimedOut() {
        EngineExecutionResults results = run(TestThatTimesOutInAGuestCall.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failures(results).get(0)).hasMessageContaining("timed out after 100 milliseconds");
        assertThat(TestThatTimesOutInAGuestCall.underneath.isClosed()).isTrue();
    }

    static class JitRoundsWithoutWarmup {
        @Test
        @WasmjitTest
        void neverRuns(@JitRounds(1) SchemeInterpreter scheme) {
        }
    }

    @Test
    void jitRoundsWithoutAWarmupProgramAreARefusedParameter() {
        EngineExecutionResults results = run(JitRoundsWithoutWarmup.class);

        assertThat(failures(results)).singleElement().isInstanceOf(ParameterResolutionException.class)
                .satisfies(t -> assertThat(t.getMessage()).contains("@JitRounds(1) needs a @Warmup program"));
    }

    static class WarmupThatFails {
        @Test
        @WasmjitTest
        void neverRuns(@Warmup("(car '())") SchemeInterpreter scheme) {
        }
    }

    @Test
    void aFailingWarmupIsARefusedParameterWithTheGuestsMessage() {
        EngineExecutionResults results = run(WarmupThatFails.class);

        assertThat(failures(results)).singleElement().isInstanceOf(ParameterResolutionException.class)
                .satisfies(t -> assertThat(t.getMessage()).contains("the @Warmup program failed: wrong type: car"));
    }
}
