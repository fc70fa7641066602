package dev.wasmjit.reliability;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.junit.WasmjitTest;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.Tiering;
import dev.wasmjit.scheme.TieringStats;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static dev.wasmjit.reliability.SchemeCalls.linkJitRound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Randomly generated valid Language v2 programs (see {@link ProgramGenerator}) print the same
 * output and the same result, or the same error, interpreted, after one JIT round has compiled
 * and linked their functions, after a second round, and in the guest's native build. They are
 * standard Scheme too, and Guile 3, which shares no code with ours, must print the same output
 * and result, or fail too (see {@link #compareWithGuile}). No two programs are the same, and
 * no program's result is a literal, which would test the reader and the printer only; half
 * of them do their work in a procedure, so that a JIT round compiles their top level too.
 * Seeded: {@code -Dreliability.seed=N} reproduces a run; {@code -Dreliability.programs=N}
 * changes how many programs it makes.
 *
 * <p>The programs run in batches, each on an interpreter of its own, and the native comparison
 * and the totals span all of them; so the test takes the extension's builder (the module and
 * settings an injected interpreter has) and builds one interpreter per batch. Each writes its
 * output to byte streams of the test's: the comparison with the native build is of exact bytes,
 * where the extension's {@code GuestOutput} holds complete lines only.
 */
@WasmjitTest
class DifferentialTest {

    private static final long SEED = Long.getLong("reliability.seed", 20240611L);
    private static final int PROGRAMS = Integer.getInteger("reliability.programs", 2_000);
    /** Programs per interpreter and per JIT round. */
    private static final int BATCH = 100;
    /**
     * Each program's deadline, a bound on runaway programs only: the slowest generated programs
     * (thousands of string-appends at each of hundreds of levels) take 2 s natively and 5 s
     * interpreted on wasm, more on a loaded machine.
     */
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    /** Disagreements shown in full when the test fails. */
    private static final int SHOWN = 5;

    /** Functions the JIT rounds compiled, over all batches. */
    private static int compiledFunctions;

    /**
     * One program's transcript: its output, then its {@code result:} or {@code error:} line.
     *
     * @param line that last line, without its line break
     */
    private record Run(String transcript, boolean isResult, String line) {
    }

    @Test
    void twoThousandGeneratedProgramsAgreeInterpretedCompiledNativeAndInGuile(SchemeInterpreter.Builder builder) throws Exception {
        List<String> programs = generate();
        List<String> disagreements = new ArrayList<>();
        List<Run> interpreted = new ArrayList<>();
        long start = System.nanoTime();
        for (int from = 0; from < PROGRAMS; from += BATCH) {
            interpreted.addAll(interpretThenCompile(builder, programs, from, Math.min(from + BATCH, PROGRAMS), disagreements));
        }
        long wasmMillis = (System.nanoTime() - start) / 1_000_000;

        Optional<NativeGuest> nativeGuest = NativeGuest.ifBuilt();
        if (nativeGuest.isPresent()) {
            List<String> natively = nativeGuest.get().run(programs, SchemeInterpreter.DEFAULT_HEAP_BYTES);
            for (int i = 0; i < PROGRAMS; i++) {
                compare("the native build", i, programs.get(i), interpreted.get(i).transcript(), natively.get(i), disagreements);
            }
        } else {
            System.out.println("differential: no native build at " + NativeGuest.whereExpected()
                    + " (make -C guest builds it); compared interpreted with compiled only");
        }

        Optional<GuileOracle> guile = GuileOracle.ifInstalled();
        String guileSummary;
        if (guile.isPresent()) {
            long guileStart = System.nanoTime();
            List<String> guileRuns = guile.get().run(programs);
            int compared = 0;
            for (int i = 0; i < PROGRAMS; i++) {
                compared += compareWithGuile(i, programs.get(i), interpreted.get(i), guileRuns.get(i), disagreements) ? 1 : 0;
            }
            guileSummary = "Guile 3 compared on " + compared + " programs in " + (System.nanoTime() - guileStart) / 1_000_000 + " ms";
            assertThat(compared).as("programs whose outcome Guile can confirm").isGreaterThan(PROGRAMS * 2 / 5);
        } else {
            guileSummary = "Guile 3 absent";
            System.out.println("differential: no guile on the PATH (CI installs guile-3.0); not compared with Guile");
        }

        long results = interpreted.stream().filter(Run::isResult).count();
        System.out.println("differential (seed " + SEED + "): " + PROGRAMS + " programs, " + results
                + " results, " + (PROGRAMS - results) + " errors, " + disagreements.size() + " disagreements, native build "
                + (nativeGuest.isPresent() ? "compared" : "absent") + ", " + guileSummary + "; " + compiledFunctions
                + " functions compiled; three passes on wasm in " + wasmMillis + " ms");
        if (!disagreements.isEmpty()) {
            fail("%d disagreements (seed %d); the first ones:%n%s", disagreements.size(), SEED,
                    String.join("\n", disagreements.subList(0, Math.min(SHOWN, disagreements.size()))));
        }
        assertThat(results).as("most programs give a result").isGreaterThan(PROGRAMS / 2);
        assertThat(PROGRAMS - results).as("some give an error").isGreaterThan(PROGRAMS / 50);
    }

    /**
     * Automatic tiering at a threshold of 2: each batch's interpreter compiles whatever runs
     * twice, in the background, and links it at the guest's polls and between programs, so
     * compiled code takes over in the middle of the batch, at points that vary from run to run.
     * Every program's transcript must still be the interpreter's, and Guile's where Guile can
     * confirm it (when Guile is installed; CI installs it).
     */
    @Test
    void generatedProgramsGiveTheInterpretersAndGuilesTranscriptsWithAutomaticTieringAtThresholdTwo(SchemeInterpreter.Builder builder) throws Exception {
        List<String> programs = generate().subList(0, Math.min(PROGRAMS, 500));
        List<String> disagreements = new ArrayList<>();
        List<Run> tieredRuns = new ArrayList<>();
        int rounds = 0;
        for (int from = 0; from < programs.size(); from += BATCH) {
            int to = Math.min(from + BATCH, programs.size());
            List<Run> interpreted = runBatch(builder.tiering(Tiering.manual()), programs, from, to, disagreements).runs();
            Batch tiered = runBatch(builder.tiering(Tiering.automatic().withThreshold(2)), programs, from, to, disagreements);
            rounds += tiered.stats().rounds();
            tieredRuns.addAll(tiered.runs());
            for (int i = from; i < to; i++) {
                compare("automatic tiering", i, programs.get(i), interpreted.get(i - from).transcript(),
                        tiered.runs().get(i - from).transcript(), disagreements);
            }
        }
        Optional<GuileOracle> guile = GuileOracle.ifInstalled();
        if (guile.isPresent()) {
            List<String> guileRuns = guile.get().run(programs);
            int compared = 0;
            for (int i = 0; i < programs.size(); i++) {
                compared += compareWithGuile(i, programs.get(i), tieredRuns.get(i), guileRuns.get(i), disagreements) ? 1 : 0;
            }
            assertThat(compared).as("programs whose outcome Guile can confirm").isGreaterThan(programs.size() * 2 / 5);
        }
        if (!disagreements.isEmpty()) {
            fail("%d disagreements (seed %d); the first ones:%n%s", disagreements.size(), SEED,
                    String.join("\n", disagreements.subList(0, Math.min(SHOWN, disagreements.size()))));
        }
        assertThat(rounds).as("rounds linked by automatic tiering").isPositive();
    }

    private record Batch(List<Run> runs, TieringStats stats) {
    }

    /** Evaluates a batch once in one interpreter built by the builder. */
    private static Batch runBatch(SchemeInterpreter.Builder builder, List<String> programs, int from, int to,
                                  List<String> disagreements) {
        Transcript transcript = new Transcript();
        try (SchemeInterpreter scheme = builder.stdout(transcript.stdout).stderr(transcript.stderr).build()) {
            Expression separator = scheme.parse(NativeGuest.SEPARATOR);
            List<Run> runs = new ArrayList<>();
            for (int i = from; i < to; i++) {
                // each program runs once, then gives its memory back, as eval(String) does: what
                // later programs use of it must survive (Expression.release keeps what may)
                Expression program = scheme.parse(programs.get(i));
                runs.add(evaluate(scheme, transcript, i, programs.get(i), program, separator, disagreements));
                program.release();
            }
            return new Batch(runs, scheme.tieringStats());
        }
    }

    /** PROGRAMS programs, no two the same once their names' prefixes are set aside, none with a literal result. */
    private static List<String> generate() {
        ProgramGenerator generator = new ProgramGenerator(new Random(SEED));
        List<String> programs = new ArrayList<>(PROGRAMS);
        Set<String> seen = new HashSet<>();
        int dropped = 0;
        while (programs.size() < PROGRAMS) {
            String program = generator.program();
            assertThat(ProgramGenerator.isLiteral(ProgramGenerator.resultExpression(program))).as("a literal result:%n%s", program).isFalse();
            if (seen.add(ProgramGenerator.withoutPrefixes(program))) {
                programs.add(program);
            } else {
                dropped++;
            }
        }
        System.out.println("differential: dropped " + dropped + " generated programs that repeated one before them");
        return programs;
    }

    /** Compares with Guile where the languages agree (see {@link GuileOracle#agrees}); says whether it compared. */
    private static boolean compareWithGuile(int index, String program, Run ours, String guile, List<String> disagreements) {
        Optional<Boolean> agrees = GuileOracle.agrees(program, ours.transcript(), ours.line(), guile);
        if (agrees.isPresent() && !agrees.get()) {
            disagreements.add(describe("Guile 3", index, program, ours.transcript(), guile));
        }
        return agrees.isPresent();
    }

    /**
     * Evaluates a batch in one interpreter, links a JIT round for all of it and evaluates it
     * again, then a second round and a third evaluation.
     *
     * @return the interpreted runs
     */
    private static List<Run> interpretThenCompile(SchemeInterpreter.Builder builder, List<String> programs, int from, int to,
                                                  List<String> disagreements) {
        Transcript transcript = new Transcript();
        try (SchemeInterpreter scheme = builder.stdout(transcript.stdout).stderr(transcript.stderr).build()) {
            Expression separator = scheme.parse(NativeGuest.SEPARATOR);
            List<Expression> parsed = new ArrayList<>();
            for (int i = from; i < to; i++) {
                try {
                    parsed.add(scheme.parse(programs.get(i)));
                } catch (GuestError e) {
                    fail("generated program #%d does not parse (seed %d): %s%n%s", i, SEED, e.getMessage(), programs.get(i));
                }
            }
            List<Run> interpreted = new ArrayList<>();
            for (int i = 0; i < parsed.size(); i++) {
                Run run = evaluate(scheme, transcript, from + i, programs.get(from + i), parsed.get(i), separator, disagreements);
                interpreted.add(run);
                String last = run.transcript().substring(run.transcript().lastIndexOf('\n', run.transcript().length() - 2) + 1).strip();
                int error = last.indexOf("error: ");
                if (!run.isResult() && (error < 0 || !DocumentedErrors.isDocumented(last.substring(error + 7), programs.get(from + i)))) {
                    disagreements.add(describe("that is not a documented error", from + i, programs.get(from + i), run.transcript(), last));
                }
            }

            int compiled = linkJitRound(scheme);
            assertThat(compiled).as("the batch's functions are compiled").isPositive();
            assertThat(scheme.pendingJitCount().asOptionalInt()).as("nothing waits after a round").hasValue(0);
            for (int round = 1; round <= 2; round++) {
                for (int i = 0; i < parsed.size(); i++) {
                    Run again = evaluate(scheme, transcript, from + i, programs.get(from + i), parsed.get(i), separator, disagreements);
                    compare("compiled code after " + (round == 1 ? "one JIT round" : "two JIT rounds"), from + i, programs.get(from + i),
                            interpreted.get(i).transcript(), again.transcript(), disagreements);
                }
                if (round == 1) {
                    int before = compiled;
                    compiled = linkJitRound(scheme);
                    assertThat(compiled).as("a second round compiles no function twice").isGreaterThanOrEqualTo(before);
                    assertThat(scheme.pendingJitCount().asOptionalInt()).as("nothing waits after the second round").hasValue(0);
                }
            }
            compiledFunctions += compiled;
            return interpreted;
        }
    }

    /** Evaluates one program, then the separator that ends its output's last line. */
    private static Run evaluate(SchemeInterpreter scheme, Transcript output, int index, String program, Expression expression,
                                Expression separator, List<String> disagreements) {
        output.take();
        PrintedOutcome outcome = PrintedOutcome.of(() -> scheme.eval(expression, SchemeInterpreter.DEFAULT_HEAP_BYTES, DEADLINE));
        String transcript = output.take();
        if (!transcript.endsWith(outcome.line() + "\n")) {
            // a trap of the runtime prints nothing; a result the bridge reads differently from
            // what the guest printed is a bug of one of them
            if (outcome.isResult() || outcome.line().startsWith("error: ")) {
                disagreements.add(describe("the value the bridge read", index, program, transcript, outcome.line()));
            }
            transcript += outcome.line() + "\n";
        }
        PrintedOutcome separated = PrintedOutcome.of(() -> scheme.eval(separator, SchemeInterpreter.DEFAULT_HEAP_BYTES, DEADLINE));
        assertThat(separated).as("the separator after program #%d", index).isEqualTo(PrintedOutcome.result("#<unspecified>"));
        output.take();
        return new Run(transcript, outcome.isResult(), outcome.line());
    }

    /** Everything an interpreter wrote to stdout, then to stderr, since the last {@link #take()}. */
    private static final class Transcript {
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        /**
         * What the guest printed since the last call, stdout first, then stderr: for one
         * evaluation its output and {@code result:} line, or its output and {@code error:} line,
         * as the native build prints them into one pipe.
         */
        String take() {
            String transcript = stdout.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8);
            stdout.reset();
            stderr.reset();
            return transcript;
        }
    }

    private static void compare(String what, int index, String program, String interpreted, String other, List<String> disagreements) {
        if (!other.equals(interpreted)) {
            disagreements.add(describe(what, index, program, interpreted, other));
        }
    }

    private static String describe(String what, int index, String program, String interpreted, String other) {
        return "program #%d (reproduce with -Dreliability.seed=%d) printed interpreted:%n%s%nbut %s:%n%s%nthe program:%n%s%n"
                .formatted(index, SEED, indent(interpreted), what, indent(other), program);
    }

    private static String indent(String transcript) {
        return transcript.isEmpty() ? "    (nothing)" : transcript.stripTrailing().indent(4).stripTrailing();
    }
}
