package dev.wasmjit.reliability;

import dev.wasmjit.bridge.GuestException;
import dev.wasmjit.bridge.LinkException;
import dev.wasmjit.bridge.LinkReport;
import dev.wasmjit.bridge.ModuleException;
import dev.wasmjit.bridge.WasmEngine;
import dev.wasmjit.bridge.WasmModule;
import dev.wasmjit.harness.Main;
import dev.wasmjit.harness.StandardStreams;
import dev.wasmjit.junit.Deadline;
import dev.wasmjit.junit.WasmjitTest;
import dev.wasmjit.reliability.FuzzModules.FuzzModule;
import dev.wasmjit.scheme.JitModule;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.staticlink.StaticLinkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Ten thousand mutated and generated modules (see {@link FuzzModules}) go through each way a
 * module enters wasmjit: {@link WasmEngine#compile}, the command line's {@code run --module},
 * a guest's {@code jitModule} output into {@link SchemeInterpreter#jit()} and
 * {@link SchemeInterpreter#link}, and the static linker, as main module and as generated
 * code. Each case succeeds or fails with the documented exception (or one {@code error:} line),
 * within its deadline, with no raw exception and nothing printed; and whatever took the case
 * still answers a known-good call afterwards. A failure names the seed and the case number:
 * {@code -Dreliability.seed=N} reproduces a run.
 */
@WasmjitTest
class ModuleFuzzTest {

    private static final long SEED = Long.getLong("reliability.seed", 20240611L);
    /** {@code -Dreliability.moduleCases=N} runs the first N cases only, to reproduce one quickly. */
    private static final int CASES = Integer.getInteger("reliability.moduleCases", 10_000);
    /** The deadline of every guest call a case makes: initialisation, the patch, evaluation. */
    private static final Duration DEADLINE = Duration.ofMillis(250);
    /**
     * How long a case may take beyond the deadline of its guest calls: compiling the module,
     * the instance's set-up, and the static linker's snapshot, which reads all of guest memory
     * (a generated guest may grow it to 4 GiB: 3.6 s on a loaded machine); a reader that loops
     * is stopped by nothing and exceeds it.
     */
    private static final Duration SLACK = Duration.ofSeconds(10);
    /** Failed cases shown in full. */
    private static final int SHOWN = 8;
    /** How often the cases are interrupted by a check with a module known to work. */
    private static final int KNOWN_GOOD_EVERY = 250;
    /** A static-link session is started afresh after this many links, which its output accumulates. */
    private static final int LINKS_PER_SESSION = 20;
    private static final String KNOWN_GOOD_SOURCE = "known good";

    private static List<FuzzModule> cases;
    private static byte[] knownGoodCode;

    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> tally = new TreeMap<>();
    private long slowestNanos;

    @BeforeAll
    static void makeTheCases(SchemeInterpreter.Builder builder) {
        List<byte[]> generatedCode = new ArrayList<>();
        try (SchemeInterpreter scheme = builder.build()) {
            for (String program : List.of("((lambda (x) (+ x 1)) 2)",
                    "(define (zzsum n) (if (< n 1) 0 (+ n (zzsum (- n 1))))) (zzsum 5)",
                    "(define (zzpair a b) (cons (vector a b) (string-append \"x\" (number->string a)))) (zzpair 1 2)")) {
                scheme.eval(scheme.parse(program));
                generatedCode.add(scheme.jit().orElseThrow().bytes());
            }
        }
        knownGoodCode = generatedCode.get(0);
        cases = new FuzzModules(SEED, generatedCode).first(CASES);
        assertThat(cases).hasSize(CASES);
    }

    @Test
    void everyModuleCompilesOrIsRefusedWithAModuleException() {
        WasmEngine engine = WasmEngine.shared();
        runAll("WasmEngine.compile", fuzzed -> {
            try (WasmModule module = engine.compile(fuzzed.bytes())) {
                return "compiled";
            } catch (ModuleException e) {
                return refusal(e);
            }
        }, index -> {
            try (WasmModule module = engine.compile(MinimalGuest.bytes())) {
                assertThat(module.shape().export("jitModule")).as("the known-good module's jitModule").isPresent();
            }
        });
    }

    @Test
    void everyModuleUnderRunModuleGivesAResultOrOneErrorLine() throws IOException {
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path directory = Files.createTempDirectory(tmp, "module-fuzz");
        Path module = directory.resolve("fuzzed.wasm");
        Path knownGood = Files.write(directory.resolve("known-good.wasm"), MinimalGuest.bytes());
        runAll("wasmjit run --module", fuzzed -> {
            Files.write(module, fuzzed.bytes());
            return commandLine(module);
        }, index -> assertThat(commandLine(knownGood)).as("the CLI on the known-good module").isEqualTo("exit 0"));
        Files.delete(module);
        Files.delete(knownGood);
        Files.delete(directory);
    }

    @Test
    void everyModuleAsJitOutputLinksOrIsRefusedAndTheInterpreterAnswersAfterwards(
            @Deadline(value = 250, unit = TimeUnit.MILLISECONDS) SchemeInterpreter.Builder builder) {
        // every case may link into the one interpreter: a ceiling above them all, so that the
        // known-good check links too (the ceiling has JitModuleCeilingTest)
        builder.module(MinimalGuest.bytes()).maxJitModules(CASES + CASES / KNOWN_GOOD_EVERY + 1);
        SchemeInterpreter[] scheme = {builder.build()};
        try {
            runAll("jitModule output", fuzzed -> {
                try {
                    return jitAndLink(scheme[0], fuzzed);
                } finally {
                    assertAnswers(scheme[0]);
                }
            }, index -> {
                // a real generated module still links, and its patch grows the table by one slot
                int before = scheme[0].tableSize();
                MinimalGuest.offer(scheme[0], knownGoodCode, knownGoodCode.length);
                LinkReport report = scheme[0].link(scheme[0].jit().orElseThrow());
                assertThat(report.tableSizeAfter()).as("the table after a known-good link").isEqualTo(before + 1);
                assertAnswers(scheme[0]);
            }, () -> {
                scheme[0].close();
                scheme[0] = builder.build();
            });
        } finally {
            scheme[0].close();
        }
    }

    @Test
    void everyModuleStaticallyLinksOrIsRefusedAsMainModuleAndAsGeneratedCode() {
        UnaryOperator<SchemeInterpreter.Builder> quiet = b -> b.stdout(OutputStream.nullOutputStream())
                .stderr(OutputStream.nullOutputStream()).deadline(DEADLINE);
        StaticLinkSession[] session = {StaticLinkSession.start(MinimalGuest.bytes(), quiet)};
        int[] links = {0};
        try {
            runAll("static linker", fuzzed -> {
                String asMain = staticallyLinkedAsMainModule(fuzzed.bytes(), quiet);
                if (links[0] >= LINKS_PER_SESSION) {
                    session[0].close();
                    session[0] = StaticLinkSession.start(MinimalGuest.bytes(), quiet);
                    links[0] = 0;
                }
                String asCode = staticallyLinkedAsGeneratedCode(session[0], fuzzed);
                if (asCode.startsWith("linked")) {
                    links[0]++;
                }
                assertAnswers(session[0].interpreter());
                return "main module " + asMain + "; generated code " + asCode;
            }, index -> {
                try (StaticLinkSession fresh = StaticLinkSession.start(MinimalGuest.bytes(), quiet)) {
                    MinimalGuest.offer(fresh.interpreter(), knownGoodCode, knownGoodCode.length);
                    assertThat(fresh.jitAndLink()).as("a known-good link").isPresent();
                    compiles(fresh.linkStatically());
                }
            }, () -> {
                session[0].close();
                session[0] = StaticLinkSession.start(MinimalGuest.bytes(), quiet);
                links[0] = 0;
            });
        } finally {
            session[0].close();
        }
    }

    @AfterAll
    static void dropTheCases() {
        cases = null;
    }

    // ---- the paths -----------------------------------------------------------------------

    /** {@code wasmjit run --jit --module FILE -e ...} in this process, as the launcher runs it. */
    private static String commandLine(Path module) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // run gives the guest the process's stdin: a variant that reads it must find it empty,
        // not wait on the test JVM's own stdin, which never ends.
        System.setIn(java.io.InputStream.nullInputStream());
        int status = Main.run(new StandardStreams(new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)),
                "run", "--jit", "--timeout", DEADLINE.toMillis() + "ms", "--module", module.toString(), "-e", KNOWN_GOOD_SOURCE);
        String stderr = err.toString(StandardCharsets.UTF_8);
        List<String> lines = stderr.lines().toList();
        if (status == 0 && lines.isEmpty()) {
            return "exit 0";
        }
        if (status == 1 && lines.size() == 1 && lines.get(0).startsWith("error: ")) {
            return "exit 1: " + errorKind(lines.get(0).replace(module.toString(), "MODULE"));
        }
        throw new AssertionError("exit " + status + " with stderr (one error: line expected):\n" + stderr.indent(4));
    }

    /** Offers the module as the guest's jitModule output, takes it and links it. */
    private static String jitAndLink(SchemeInterpreter scheme, FuzzModule fuzzed) {
        int declared = declaredSize(fuzzed);
        if (fuzzed.bytes().length > MinimalGuest.MODULE_LIMIT) {
            return "too large to offer";
        }
        MinimalGuest.offer(scheme, fuzzed.bytes(), declared);
        Optional<JitModule> module;
        try {
            module = scheme.jit();
        } catch (ModuleException e) {
            return "jit: " + refusal(e);
        } catch (IllegalStateException e) {
            assertThat(declared).as("a module inside guest memory is taken: " + e.getMessage())
                    .isNotEqualTo(fuzzed.bytes().length);
            return "jit: size outside memory";
        }
        if (module.isEmpty()) {
            return "jit: nothing";
        }
        try {
            scheme.link(module.get());
            return "linked";
        } catch (LinkException e) {
            return "link: " + refusal(e);
        }
    }

    /** The size the guest reports: the module's, or now and then a lie about it. */
    private static int declaredSize(FuzzModule fuzzed) {
        int length = fuzzed.bytes().length;
        return switch (fuzzed.index() % 41) {
            case 1 -> -1;
            case 2 -> Integer.MIN_VALUE;
            case 3 -> Integer.MAX_VALUE;
            case 4 -> length + (64 << 20);
            case 5 -> Math.max(0, length - 3);
            default -> length;
        };
    }

    /** The module as the main module of a static-link session: instrumented, run, written out. */
    private static String staticallyLinkedAsMainModule(byte[] module, UnaryOperator<SchemeInterpreter.Builder> quiet) {
        StaticLinkSession session;
        try {
            session = StaticLinkSession.start(module, quiet);
        } catch (GuestException e) {
            return refusal(e);
        } catch (RuntimeException e) {
            return staticLinkerRefusal(e);
        }
        try (session) {
            SchemeInterpreter scheme = session.interpreter();
            try {
                scheme.eval(scheme.parse(KNOWN_GOOD_SOURCE));
                session.jitAndLink();
            } catch (GuestException e) {
                return "ran: " + refusal(e);
            } catch (IllegalStateException e) {
                return "ran: " + abiBroken(e);
            }
            try {
                compiles(session.linkStatically());
                return "linked";
            } catch (RuntimeException e) {
                return "linked: " + staticLinkerRefusal(e);
            }
        }
    }

    /** The module as generated code: linked dynamically, then written out with the session. */
    private static String staticallyLinkedAsGeneratedCode(StaticLinkSession session, FuzzModule fuzzed) {
        if (fuzzed.bytes().length > MinimalGuest.MODULE_LIMIT) {
            return "too large to offer";
        }
        MinimalGuest.offer(session.interpreter(), fuzzed.bytes(), fuzzed.bytes().length);
        try {
            if (session.jitAndLink().isEmpty()) {
                return "nothing";
            }
        } catch (ModuleException | LinkException e) {
            return refusal(e);
        }
        try {
            compiles(session.linkStatically());
            return "linked";
        } catch (RuntimeException e) {
            return "linked: " + staticLinkerRefusal(e);
        }
    }

    /**
     * A guest that breaks the ABI's promises (an allocator handing out a block outside memory,
     * an eval that leaves no result) is an {@link IllegalStateException} saying what the guest
     * did, as {@link SchemeInterpreter#jit()} documents for a module outside memory; anything
     * else is rethrown, to fail the case.
     */
    private static String abiBroken(IllegalStateException e) {
        if (!String.valueOf(e.getMessage()).startsWith("the guest's ")) {
            throw e;
        }
        return refusal(e);
    }

    /**
     * The static linker's documented refusal is its {@code WasmFormatException}, named here by
     * its simple name: the binary-format code, that exception with it, is moving to a module
     * of its own. Anything else is rethrown, to fail the case.
     */
    private static String staticLinkerRefusal(RuntimeException e) {
        if (!e.getClass().getSimpleName().equals("WasmFormatException")) {
            throw e;
        }
        return refusal(e);
    }

    /** What the static linker writes is a valid module. */
    private static void compiles(byte[] linked) {
        try (WasmModule module = WasmEngine.shared().compile(linked)) {
            assertThat(module.shape().export("jitModule")).as("the linked module keeps the ABI").isPresent();
        } catch (ModuleException e) {
            throw new AssertionError("the static linker wrote an invalid module: " + e.getMessage(), e);
        }
    }

    private static void assertAnswers(SchemeInterpreter scheme) {
        assertThat(scheme.eval(scheme.parse(KNOWN_GOOD_SOURCE)).asInteger()).as("the known-good evaluation afterwards")
                .isEqualTo(MinimalGuest.resultFor(KNOWN_GOOD_SOURCE));
    }

    // ---- running and judging cases -------------------------------------------------------

    /** One case's work; returns what happened, in a few words. */
    private interface Case {
        String run(FuzzModule fuzzed) throws Exception;
    }

    /** A check with a module known to work, between cases. */
    private interface KnownGood {
        void check(int index) throws Exception;
    }

    private void runAll(String path, Case work, KnownGood knownGood) {
        runAll(path, work, knownGood, () -> { });
    }

    /**
     * Runs every case on a thread of its own, each within the deadline and the slack, with
     * {@code System.out} and {@code System.err} watched; after a failed case {@code restart}
     * gives the next one a fresh instance, so that one bug does not hide the next.
     */
    private void runAll(String path, Case work, KnownGood knownGood, Runnable restart) {
        ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "module-fuzz-case");
            thread.setDaemon(true);
            return thread;
        });
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream watched = new PrintStream(printed, true, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        System.setOut(watched);
        System.setErr(watched);
        try {
            for (FuzzModule fuzzed : cases) {
                if (fuzzed.index() % KNOWN_GOOD_EVERY == 0) {
                    judge(runner, fuzzed, "the known-good check before it", () -> {
                        knownGood.check(fuzzed.index());
                        return "known good";
                    }, restart, false);
                }
                judge(runner, fuzzed, "the case", () -> work.run(fuzzed), restart, true);
                if (printed.size() > 0) {
                    failures.add(fuzzed.describe(SEED) + ": printed\n"
                            + printed.toString(StandardCharsets.UTF_8).indent(4));
                    printed.reset();
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            runner.shutdownNow();
        }
        System.out.printf("module fuzz (seed %d), %s: %d cases in %d s, the slowest %d ms; outcomes %s%n", SEED, path,
                cases.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                Duration.ofNanos(slowestNanos).toMillis(), tally);
        if (!failures.isEmpty()) {
            fail("%d of %d cases failed through %s; reproduce with -Dreliability.seed=%d; the first ones:%n%s",
                    failures.size(), cases.size(), path, SEED, String.join("\n", failures.subList(0, Math.min(SHOWN, failures.size()))));
        }
        // a static-link outcome has two parts, as main module and as generated code: either may pass
        assertThat(tally.keySet()).as("outcomes through " + path + ": some cases pass, some are refused")
                .anyMatch(outcome -> outcome.matches("compiled|exit 0|.*\\blinked(;.*)?"))
                .anyMatch(outcome -> outcome.contains("Exception") || outcome.startsWith("exit 1"));
    }

    private void judge(ExecutorService runner, FuzzModule fuzzed, String what, Callable<String> work,
                       Runnable restart, boolean counted) {
        long start = System.nanoTime();
        Future<String> result = runner.submit(work);
        try {
            String outcome = result.get(DEADLINE.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
            if (counted) {
                tally.merge(outcome, 1, Integer::sum);
            }
        } catch (TimeoutException e) {
            // the runner's thread is stuck for good: nothing after this case can run on it
            fail("%s: %s did not end within %s; reproduce with -Dreliability.seed=%d", fuzzed.describe(SEED), what,
                    DEADLINE.plus(SLACK), SEED);
        } catch (ExecutionException e) {
            failures.add(fuzzed.describe(SEED) + ": " + what + " failed:\n" + trace(e.getCause()).indent(4));
            restart.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
    }

    /** A documented refusal: its type, after checking that its message says what in one line. */
    private static String refusal(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        assertThat(message).as("the message of a %s", e.getClass().getSimpleName()).isNotBlank().doesNotContain("\n");
        return e.getClass().getSimpleName();
    }

    /** The CLI's error line in its first words, without what varies from case to case. */
    private static String errorKind(String line) {
        String[] words = line.substring("error: ".length()).split(" ");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 4))).replaceAll("[0-9]+", "N");
    }

    private static String trace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
