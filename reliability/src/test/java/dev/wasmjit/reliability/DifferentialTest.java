package dev.wasmjit.reliability;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Randomly generated valid programs give the same result, or the same error, interpreted,
 * after their functions are compiled and linked, and in the guest's native build.
 * Seeded: {@code -Dreliability.seed=N} reproduces a run.
 */
class DifferentialTest {

    private static final long SEED = Long.getLong("reliability.seed", 20240611L);
    private static final int PROGRAMS = 2_000;
    /** Programs per interpreter and per JIT round. */
    private static final int BATCH = 100;
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @Test
    void twoThousandGeneratedProgramsAgreeInterpretedCompiledAndNative() throws Exception {
        List<String> programs = generate();
        List<Outcome> interpreted = new ArrayList<>();
        for (int from = 0; from < PROGRAMS; from += BATCH) {
            interpreted.addAll(interpretThenCompile(programs, from, Math.min(from + BATCH, PROGRAMS)));
        }

        Optional<NativeGuest> nativeGuest = NativeGuest.ifBuilt();
        if (nativeGuest.isPresent()) {
            List<Outcome> natively = nativeGuest.get().run(programs, SchemeInterpreter.DEFAULT_HEAP_BYTES);
            for (int i = 0; i < PROGRAMS; i++) {
                assertAgree("the native build", i, programs.get(i), interpreted.get(i), natively.get(i));
            }
        } else {
            System.out.println("differential: no native build at " + NativeGuest.whereExpected()
                    + " (make -C guest builds it); compared interpreted with compiled only");
        }

        long results = interpreted.stream().filter(Outcome::isResult).count();
        System.out.println("differential (seed " + SEED + "): " + PROGRAMS + " programs, " + results
                + " results, " + (PROGRAMS - results) + " errors, native build "
                + (nativeGuest.isPresent() ? "compared" : "absent"));
        assertThat(results).as("most programs give a result").isGreaterThan(PROGRAMS / 2);
        assertThat(PROGRAMS - results).as("some give an error").isGreaterThan(PROGRAMS / 50);
    }

    private static List<String> generate() {
        ProgramGenerator generator = new ProgramGenerator(new Random(SEED));
        List<String> programs = new ArrayList<>(PROGRAMS);
        for (int i = 0; i < PROGRAMS; i++) {
            programs.add(generator.program());
        }
        return programs;
    }

    /** Evaluates a batch in one interpreter, links one JIT round for all of it, and evaluates it again. */
    private static List<Outcome> interpretThenCompile(List<String> programs, int from, int to) {
        try (TestGuest guest = TestGuest.start()) {
            List<Expression> parsed = new ArrayList<>();
            for (int i = from; i < to; i++) {
                try {
                    parsed.add(guest.scheme.parse(programs.get(i)));
                } catch (GuestError e) {
                    fail("generated program #%d does not parse (seed %d): %s%n%s", i, SEED, e.getMessage(), programs.get(i));
                }
            }
            List<Outcome> interpreted = parsed.stream().map(e -> evaluate(guest, e)).toList();
            int compiled = guest.linkJitRound();
            assertThat(compiled).as("the batch's functions are compiled").isPositive();
            assertThat(guest.scheme.pendingJitCount()).hasValue(0);
            for (int i = 0; i < parsed.size(); i++) {
                Outcome again = evaluate(guest, parsed.get(i));
                assertAgree("compiled code", from + i, programs.get(from + i), interpreted.get(i), again);
            }
            assertThat(guest.scheme.compiledFunctionCount()).as("no function waits for compilation twice")
                    .hasValue(compiled);
            return interpreted;
        }
    }

    private static Outcome evaluate(TestGuest guest, Expression expression) {
        return Outcome.of(() -> guest.scheme.eval(expression, SchemeInterpreter.DEFAULT_HEAP_BYTES, DEADLINE));
    }

    private static void assertAgree(String what, int index, String program, Outcome interpreted, Outcome other) {
        assertThat(other)
                .as("program #%d (seed %d) interpreted gave \"%s\", %s gave \"%s\":%n%s",
                        index, SEED, interpreted, what, other, program)
                .isEqualTo(interpreted);
    }
}
