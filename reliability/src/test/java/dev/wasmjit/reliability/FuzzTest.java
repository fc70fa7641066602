package dev.wasmjit.reliability;

import dev.wasmjit.bridge.GuestBlock;
import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestFunction;
import dev.wasmjit.bridge.GuestMemory;
import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.TrapKind;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.SchemeValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad input goes through the bridge into one interpreter: each gives a parse error, a
 * result or a documented error within its deadline, and a compiled program evaluated after
 * each one still gives its result. Seeded: {@code -Dreliability.seed=N} reproduces a run.
 */
class FuzzTest {

    private static final long SEED = Long.getLong("reliability.seed", 20240611L);
    private static final Duration DEADLINE = Duration.ofMillis(200);
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final int JIT_ROUND_EVERY = 500;
    private static final Set<TrapKind> LIMITS = EnumSet.of(TrapKind.STACK_OVERFLOW, TrapKind.OUT_OF_MEMORY, TrapKind.TIMEOUT);

    @Test
    void tenThousandGeneratedInputsGiveAParseErrorAResultOrADocumentedErrorAndChangeNothingElse() {
        List<FuzzInput> inputs = new FuzzInputs(SEED).all();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(10_000);
        Map<String, Integer> tally = new TreeMap<>();
        long notUtf8 = inputs.stream().filter(input -> input.text().isEmpty()).count();
        try (TestGuest guest = TestGuest.start()) {
            Expression fib = guest.parseAndRun(Programs.FIB_20);
            int compiled = guest.linkJitRound();
            for (FuzzInput input : inputs) {
                try {
                    Outcome outcome = feed(guest, input);
                    tally.merge(kindOf(outcome), 1, Integer::sum);
                    if ((input.index() + 1) % JIT_ROUND_EVERY == 0) {
                        // compile whatever the fuzzed programs ran, too
                        compiled = guest.linkJitRound();
                    }
                    assertThat(guest.scheme.eval(fib).asInteger()).as("the next good evaluation")
                            .isEqualTo(Programs.FIB_20_RESULT);
                    assertThat(guest.scheme.compiledFunctionCount()).as("linked code is kept").hasValue(compiled);
                } catch (Throwable failure) {
                    throw new AssertionError("fuzz input failed; reproduce with -Dreliability.seed=" + SEED
                            + "\ninput " + input.describe() + "\nthe guest's last lines:\n" + guest.lastOutput(), failure);
                }
            }
        }
        System.out.println("fuzz (seed " + SEED + "): " + inputs.size() + " inputs, " + notUtf8
                + " of them not UTF-8; outcomes " + tally);
        assertThat(notUtf8).as("inputs that are not UTF-8").isGreaterThan(1000);
        assertThat(tally).as("the inputs reach both the parser's errors and the evaluator")
                .containsKeys("parse error", "result", "error");
    }

    /** Parses and evaluates one input, and checks how it ended. */
    private static Outcome feed(TestGuest guest, FuzzInput input) {
        long start = System.nanoTime();
        Outcome outcome = input.text()
                .map(text -> throughTheFacade(guest, text))
                .orElseGet(() -> throughGuestMemory(guest.scheme, input.bytes()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("ended by its deadline").isLessThan(DEADLINE.plus(SLACK));
        if (!outcome.isResult()) {
            String message = outcome.line().replaceFirst("^error: ", "");
            assertThat(outcome.trap().map(LIMITS::contains).orElse(DocumentedErrors.isDocumented(message)))
                    .as("a documented error, not: %s", outcome).isTrue();
        }
        input.expected().ifPresent(value -> assertThat(outcome).isEqualTo(Outcome.result(String.valueOf(value))));
        return outcome;
    }

    private static Outcome throughTheFacade(TestGuest guest, String text) {
        Expression expression;
        try {
            expression = guest.scheme.parse(text);
        } catch (GuestError e) {
            return Outcome.error(e.getMessage());
        }
        return Outcome.of(() -> guest.scheme.eval(expression, SchemeInterpreter.DEFAULT_HEAP_BYTES, DEADLINE));
    }

    /** Bytes that are not UTF-8 cannot be a Java string: they go into guest memory as they are. */
    private static Outcome throughGuestMemory(SchemeInterpreter scheme, byte[] bytes) {
        ReactorInstance instance = scheme.instance();
        GuestFunction parse = instance.requireFunction("parse");
        GuestFunction eval = instance.requireFunction("eval").withDeadline(DEADLINE);
        GuestFunction resultKind = instance.requireFunction("lastResultKind");
        GuestFunction resultInteger = instance.requireFunction("lastResultInteger");
        return instance.exclusive(() -> {
            int expression;
            GuestMemory memory = instance.memory();
            try (GuestBlock source = memory.allocate(bytes.length + 1)) {
                memory.write(source.address(), Arrays.copyOf(bytes, bytes.length + 1));
                expression = parse.callI32(source.address());
            } catch (GuestError e) {
                return Outcome.error(e.getMessage());
            }
            return Outcome.of(() -> {
                eval.callVoid(expression, SchemeInterpreter.DEFAULT_HEAP_BYTES);
                return resultKind.callI32() == 1 ? SchemeValue.integer(resultInteger.callI32()) : SchemeValue.procedure();
            });
        });
    }

    private static String kindOf(Outcome outcome) {
        if (outcome.isResult()) {
            return "result";
        }
        if (outcome.isParseError()) {
            return "parse error";
        }
        return outcome.trap().map(kind -> kind.name().toLowerCase()).orElse("error");
    }
}
