package dev.wasmjit.reliability;

import dev.wasmjit.bridge.GuestBlock;
import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestException;
import dev.wasmjit.bridge.GuestTrap;
import dev.wasmjit.bridge.GuestFunction;
import dev.wasmjit.bridge.GuestMemory;
import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.TrapKind;
import dev.wasmjit.junit.WasmjitTest;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static dev.wasmjit.reliability.SchemeCalls.linkJitRound;
import static dev.wasmjit.reliability.SchemeCalls.parseAndRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Generated bad input goes through the bridge into one interpreter: each gives a parse error, a
 * result or a documented error within its deadline, and changes nothing else: a compiled
 * program parsed at the start still gives its result after each one, and so does a program
 * that uses a definition made at the start, vectors, strings and symbols. Seeded:
 * {@code -Dreliability.seed=N} reproduces a run.
 *
 * <p>The inputs go into one interpreter as long as it serves, and into a new one after an input
 * fails or rebinds a name the checks use; so the test takes the extension's builder (the module
 * and settings an injected interpreter has) and builds each interpreter itself, keeping its last
 * lines of output for the report of a failed input.
 */
@WasmjitTest
class FuzzTest {

    private static final long SEED = Long.getLong("reliability.seed", 20240611L);
    private static final Duration DEADLINE = Duration.ofMillis(200);
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final int JIT_ROUND_EVERY = 500;
    /** Failed inputs shown in full. */
    private static final int SHOWN = 10;
    /** Lines of a guest's output kept for the report of a failed input. */
    private static final int KEPT_LINES = 20;
    private static final Set<TrapKind> LIMITS = EnumSet.of(TrapKind.STACK_OVERFLOW, TrapKind.OUT_OF_MEMORY, TrapKind.TIMEOUT);

    /** A definition made once at the start; the check below uses it. */
    private static final String CHECK_DEFINITION = "(define (zzcheck-square x) (* x x))";
    private static final String CHECK = "(list (zzcheck-square 7) (vector-ref #(1 2 3) 1) (string-append \"a\" \"b\") 'sym (apply + '(1 2)))";
    private static final String CHECK_RESULT = "(49 2 \"ab\" sym 3)";
    /**
     * An input that defines or assigns a name the checks use changes them, as Scheme means it
     * to (definitions persist across evaluations); after one the checks start a new interpreter.
     */
    private static final Pattern REBINDS_A_CHECKED_NAME = Pattern.compile(
            "\\((?:define|set!)[\\s(]+(?:[-+*<]|list|vector-ref|string-append|apply|zzcheck-square)[\\s)]");

    @Test
    void tenThousandGeneratedInputsGiveAParseErrorAResultOrADocumentedErrorAndChangeNothingElse(
            SchemeInterpreter.Builder builder) {
        List<FuzzInput> inputs = new FuzzInputs(SEED).all();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(10_000);
        Map<String, Integer> tally = new TreeMap<>();
        long notUtf8 = inputs.stream().filter(input -> input.text().isEmpty()).count();
        List<String> failures = new ArrayList<>();
        FuzzGuest guest = FuzzGuest.start(builder);
        try {
            Checks checks = new Checks(guest);
            for (FuzzInput input : inputs) {
                try {
                    PrintedOutcome outcome = feed(guest, input);
                    tally.merge(kindOf(outcome), 1, Integer::sum);
                    if (input.text().filter(text -> REBINDS_A_CHECKED_NAME.matcher(text).find()).isPresent()) {
                        guest.close();
                        guest = FuzzGuest.start(builder);
                        checks = new Checks(guest);
                        tally.merge("checks restarted after a rebinding", 1, Integer::sum);
                    }
                    if ((input.index() + 1) % JIT_ROUND_EVERY == 0) {
                        // compile whatever the fuzzed programs ran, too
                        checks.compiled = linkJitRound(guest.scheme);
                    }
                    checks.run(guest);
                } catch (AssertionError | GuestException failure) {
                    // keep going in a new interpreter, so that one bug does not hide the next
                    failures.add("input " + input.describe() + "\n" + String.valueOf(failure.getMessage()).strip().indent(4)
                            + "the guest's last lines:\n" + guest.lastOutput().indent(4));
                    guest.close();
                    guest = FuzzGuest.start(builder);
                    checks = new Checks(guest);
                }
            }
        } finally {
            guest.close();
        }
        System.out.println("fuzz (seed " + SEED + "): " + inputs.size() + " inputs, " + notUtf8
                + " of them not UTF-8; outcomes " + tally);
        if (!failures.isEmpty()) {
            fail("%d fuzz inputs failed; reproduce with -Dreliability.seed=%d; the first ones:%n%s", failures.size(), SEED,
                    String.join("\n", failures.subList(0, Math.min(SHOWN, failures.size()))));
        }
        assertThat(notUtf8).as("inputs that are not UTF-8").isGreaterThan(1000);
        assertThat(tally).as("the inputs reach both the parser's errors and the evaluator")
                .containsKeys("parse error", "result", "error");
    }

    /** An interpreter from the extension's builder, its last lines of output kept. */
    private static final class FuzzGuest implements AutoCloseable {
        final SchemeInterpreter scheme;
        private final Deque<String> lastLines = new ArrayDeque<>();

        private FuzzGuest(SchemeInterpreter.Builder builder) {
            // A heap that stays at 1 MiB: an input that builds huge data meets the limit at once
            // instead of growing the heap for every such input.
            scheme = builder.maxHeapBytes(0).lineListener(this::keep).build();
        }

        static FuzzGuest start(SchemeInterpreter.Builder builder) {
            return new FuzzGuest(builder);
        }

        /** The guest's last lines on stdout and stderr. */
        synchronized String lastOutput() {
            return String.join("\n", lastLines);
        }

        private synchronized void keep(int fd, String line) {
            if (lastLines.size() == KEPT_LINES) {
                lastLines.removeFirst();
            }
            lastLines.addLast((fd == 1 ? "out: " : "err: ") + line);
        }

        @Override
        public void close() {
            scheme.close();
        }
    }

    /** Programs parsed at the start, compiled, and evaluated again after every input. */
    private static final class Checks {
        final Expression fib;
        final Expression check;
        int compiled;

        Checks(FuzzGuest guest) {
            fib = parseAndRun(guest.scheme, Programs.FIB_20);
            parseAndRun(guest.scheme, CHECK_DEFINITION);
            check = parseAndRun(guest.scheme, CHECK);
            compiled = linkJitRound(guest.scheme);
        }

        void run(FuzzGuest guest) {
            assertThat(guest.scheme.eval(fib).asInteger()).as("the next good evaluation").isEqualTo(Programs.FIB_20_RESULT);
            assertThat(guest.scheme.eval(check)).as("a program parsed at the start, using a definition made then")
                    .hasToString(CHECK_RESULT);
            assertThat(guest.scheme.compiledFunctionCount().asOptionalInt()).as("linked code is kept").hasValue(compiled);
        }
    }

    /** Parses and evaluates one input, and checks how it ended. */
    private static PrintedOutcome feed(FuzzGuest guest, FuzzInput input) {
        long start = System.nanoTime();
        PrintedOutcome outcome = input.text()
                .map(text -> throughTheFacade(guest, text))
                .orElseGet(() -> throughGuestMemory(guest.scheme, input.bytes()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("ended by its deadline").isLessThan(DEADLINE.plus(SLACK));
        if (!outcome.isResult()) {
            String message = outcome.line().replaceFirst("^error: ", "");
            String text = input.text().orElse(new String(input.bytes(), StandardCharsets.ISO_8859_1));
            assertThat(outcome.trap().map(LIMITS::contains).orElse(false) || DocumentedErrors.isDocumented(message, text))
                    .as("a documented error, not: %s", outcome).isTrue();
        }
        input.expected().ifPresent(value -> assertThat(outcome).isEqualTo(PrintedOutcome.result(value)));
        return outcome;
    }

    private static PrintedOutcome throughTheFacade(FuzzGuest guest, String text) {
        Expression expression;
        try {
            expression = guest.scheme.parse(text);
        } catch (GuestError e) {
            return PrintedOutcome.error(e.getMessage());
        } catch (GuestTrap e) {
            // the reader has its own limits (expression nested too deeply): a trap is a bug
            return new PrintedOutcome("trap in parse: " + e.getMessage(), Optional.empty());
        }
        return PrintedOutcome.of(() -> guest.scheme.eval(expression, SchemeInterpreter.DEFAULT_HEAP_BYTES, DEADLINE));
    }

    /** Bytes that are not UTF-8 cannot be a Java string: they go into guest memory as they are. */
    private static PrintedOutcome throughGuestMemory(SchemeInterpreter scheme, byte[] bytes) {
        ReactorInstance instance = scheme.instance();
        GuestFunction parse = instance.requireFunction("parse");
        GuestFunction eval = instance.requireFunction("eval").withDeadline(DEADLINE);
        GuestFunction resultText = instance.requireFunction("lastResultText");
        return instance.exclusive(() -> {
            int expression;
            GuestMemory memory = instance.memory();
            try (GuestBlock source = memory.allocate(bytes.length + 1)) {
                memory.write(source.address(), Arrays.copyOf(bytes, bytes.length + 1));
                expression = parse.callI32(source.address());
            } catch (GuestError e) {
                return PrintedOutcome.error(e.getMessage());
            } catch (GuestTrap e) {
                return new PrintedOutcome("trap in parse: " + e.getMessage(), Optional.empty());
            }
            return PrintedOutcome.ofText(() -> {
                eval.callVoid(expression, SchemeInterpreter.DEFAULT_HEAP_BYTES);
                return memory.readCString(resultText.callI32());
            });
        });
    }

    private static String kindOf(PrintedOutcome outcome) {
        if (outcome.isResult()) {
            return "result";
        }
        if (outcome.isParseError()) {
            return "parse error";
        }
        return outcome.trap().map(kind -> kind.name().toLowerCase()).orElse("error");
    }
}
