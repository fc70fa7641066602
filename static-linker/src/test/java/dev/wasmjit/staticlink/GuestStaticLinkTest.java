package dev.wasmjit.staticlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmjit.bridge.LinkException;
import dev.wasmjit.junit.SchemeProgram;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.JitModule;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.wasm.WasmOutput;
import org.junit.jupiter.api.Test;

/**
 * Static linking of the real guest through the bridge on wasmtime: each example is parsed,
 * evaluated, JIT-compiled and linked in a live interpreter, then written out; the linked module
 * must give the same result from its first call, with compiled code and no JIT round. (CI
 * runs the same linked modules under Node's WebAssembly too: scripts/cross-runtime-check.)
 */
class GuestStaticLinkTest {
    private static final byte[] GUEST = SchemeInterpreter.bundledBytes();

    /** A linked module and the handle of the expression to evaluate in it. */
    private record Linked(byte[] module, int handle, String liveResult, int liveCompiled) {
    }

    private static Linked linkAfterOneJitRound(byte[] main, String source) {
        try (StaticLinkSession session = GuestPrograms.session(main)) {
            SchemeInterpreter live = session.interpreter();
            Expression expression = live.parse(source);
            live.eval(expression);
            assertThat(session.jitAndLink()).as("a JIT round for %s", source).isPresent();
            String result = live.eval(expression).toString();
            return new Linked(session.linkStatically(), expression.address(), result,
                    live.compiledFunctionCount().orElseThrow());
        }
    }

    @Test
    void everyExampleGivesTheLiveResultInTheLinkedModuleFromTheFirstCall() {
        for (SchemeProgram example : GuestPrograms.examples()) {
            Linked linked = linkAfterOneJitRound(GUEST, example.source());
            assertThat(linked.liveResult()).as(example.name() + " live").isEqualTo(example.expectedValue().orElseThrow());
            assertThat(Validator.errors(linked.module())).as(example.name() + " validation").isEmpty();
            try (SchemeInterpreter standalone = GuestPrograms.open(linked.module())) {
                assertThat(standalone.compiledFunctionCount().orElseThrow()).as(example.name() + " compiled at start")
                        .isEqualTo(linked.liveCompiled()).isPositive();
                assertThat(standalone.pendingJitCount().orElseThrow()).as(example.name() + " pending").isZero();
                assertThat(GuestPrograms.evalHandle(standalone, linked.handle())).as(example.name() + " linked")
                        .isEqualTo(linked.liveResult());
                assertThat(standalone.pendingJitCount().orElseThrow())
                        .as(example.name() + ": the linked run interpreted nothing new").isZero();
            }
        }
    }

    @Test
    void linkedModuleStillParsesAndEvaluatesNewPrograms() {
        Linked linked = linkAfterOneJitRound(GUEST, GuestPrograms.example("fib").source());
        try (SchemeInterpreter standalone = GuestPrograms.open(linked.module())) {
            assertThat(standalone.eval(standalone.parse("(+ 40 2)")).asInteger()).isEqualTo(42);
            assertThat(GuestPrograms.evalHandle(standalone, linked.handle())).isEqualTo(linked.liveResult());
        }
    }

    @Test
    void linksSecondGenerationAfterMoreCodeAndASecondJitRound() {
        SchemeProgram fib = GuestPrograms.example("fib");
        SchemeProgram factorial = GuestPrograms.example("factorial");
        Linked first = linkAfterOneJitRound(GUEST, fib.source());
        Linked second = linkAfterOneJitRound(first.module(), factorial.source());
        Validator.assertValid(second.module());
        try (SchemeInterpreter standalone = GuestPrograms.open(second.module())) {
            assertThat(standalone.compiledFunctionCount().orElseThrow())
                    .as("both rounds' functions are compiled").isEqualTo(second.liveCompiled())
                    .isGreaterThan(first.liveCompiled());
            assertThat(GuestPrograms.evalHandle(standalone, first.handle())).isEqualTo(fib.expectedValue().orElseThrow());
            assertThat(GuestPrograms.evalHandle(standalone, second.handle())).isEqualTo(factorial.expectedValue().orElseThrow());
            assertThat(standalone.pendingJitCount().orElseThrow()).isZero();
        }
    }

    @Test
    void failedDynamicLinkIsLeftOutAndTheSessionCarriesOn() {
        SchemeProgram fib = GuestPrograms.example("fib");
        try (StaticLinkSession session = GuestPrograms.session(GUEST)) {
            SchemeInterpreter live = session.interpreter();
            Expression expression = live.parse(fib.source());
            live.eval(expression);
            JitModule broken = new JitModule(live, new WasmOutput().header().u8(99).toByteArray(), 0, 0);
            assertThatThrownBy(() -> session.link(broken)).isInstanceOf(LinkException.class);
            assertThat(session.jitAndLink()).isPresent();
            byte[] linked = session.linkStatically();
            try (SchemeInterpreter standalone = GuestPrograms.open(linked)) {
                assertThat(GuestPrograms.evalHandle(standalone, expression.address())).isEqualTo(fib.expectedValue().orElseThrow());
                assertThat(standalone.compiledFunctionCount().orElseThrow()).isPositive();
            }
        }
    }

    @Test
    void snapshotOfALinkedModuleWithoutNewCodeIsItselfAgain() {
        Linked first = linkAfterOneJitRound(GUEST, GuestPrograms.example("countdown").source());
        try (StaticLinkSession session = GuestPrograms.session(first.module())) {
            assertThat(GuestPrograms.evalHandle(session.interpreter(), first.handle())).isEqualTo(first.liveResult());
            assertThat(session.jitAndLink()).as("nothing new to compile").isEmpty();
            byte[] again = session.linkStatically();
            Validator.assertValid(again);
            try (SchemeInterpreter standalone = GuestPrograms.open(again)) {
                assertThat(GuestPrograms.evalHandle(standalone, first.handle())).isEqualTo(first.liveResult());
            }
        }
    }
}
