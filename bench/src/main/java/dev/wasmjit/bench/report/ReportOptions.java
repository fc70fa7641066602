package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Program;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The report's fixed protocol, full or quick.
 *
 * <p>Full: the seed's fib(30) and the whole benchmark suite (bench/programs), five
 * evaluations before and after the JIT round (the seed's protocol), one warm-up and five
 * measured rounds per runtime, every runtime of ours with a 64 MiB heap; the per-call cost in
 * 21 batches; JIT rounds of 10, 100 and 1000 functions; fib N from 20 to 30; seven fresh
 * instances per program (fib(30) and the examples) for the first evaluation in a statically
 * linked module against a live one. About ten minutes on two cores. Quick (for tests and CI):
 * the same tables from one round of one evaluation, fib(20) and three suite programs, 10 and
 * 100 functions; well under a minute.
 *
 * <p>Automatic tiering, both: the seed's fib and the suite's programs, each run once in a fresh
 * interpreter with tiering off, automatic and manual after warm-up, five samples (quick: fib(20),
 * tak and nqueens, one sample), and a timed loop of 200 iterations of fib(18) (quick: 20 of
 * fib(12)).
 *
 * @param quick    the short protocol
 * @param repo     the wasmjit checkout, for the anchors that need it (node's host, the native
 *                 build, the baseline wasm); empty if there is none
 * @param baseline the straightforward JIT's module, if present
 */
record ReportOptions(boolean quick, Optional<Path> repo, Optional<Path> baseline) {

    /** The straightforward (seed-style) JIT, relative to the checkout. */
    static final String BASELINE_WASM = "guest/interplib-baseline.wasm";

    /**
     * Options for a checkout found at or above a directory.
     *
     * @param quick the short protocol
     * @param start where to look from (usually the working directory)
     * @return the options
     */
    static ReportOptions lookingFrom(boolean quick, Path start) {
        Optional<Path> repo = findRepo(start);
        Optional<Path> baseline = repo.map(r -> r.resolve(BASELINE_WASM)).filter(Files::isRegularFile);
        return new ReportOptions(quick, repo, baseline);
    }

    /**
     * The nearest directory at or above {@code start} holding {@code guest/interplib.wasm}.
     *
     * @param start where to start
     * @return the checkout, or empty
     */
    private static Optional<Path> findRepo(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("guest/interplib.wasm"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** The suite programs the quick protocol runs: the goal's mutual recursion and two others. */
    static final List<String> QUICK_SUITE = List.of("tak", "mutual-recursion", "string-kernel");

    /**
     * The benchmark suite's programs this protocol runs.
     *
     * @return all of bench/programs, or three of them when quick
     */
    List<Program> suite() {
        return quick ? QUICK_SUITE.stream().map(Program::suite).toList() : Program.suite();
    }

    /** The examples whose first evaluation the quick protocol compares, statically and live linked. */
    static final List<String> QUICK_STATIC_EXAMPLES = List.of("closures", "fib", "mutual-recursion");

    /**
     * The examples of the static linking table (after the seed's demo).
     *
     * @return all of examples/, or three of them when quick
     */
    List<Program> staticLinkingExamples() {
        return quick ? QUICK_STATIC_EXAMPLES.stream().map(Program::example).toList() : Program.examples();
    }

    /** The heap of every evaluation of the programs, on every runtime of ours. */
    int heapBytes() {
        return Program.SUITE_HEAP_BYTES;
    }

    /** Batches of calls in the per-call cost table. */
    int callCostBatches() {
        return quick ? 3 : 21;
    }

    /** Calls per batch in the per-call cost table (and as many for warm-up before the first batch). */
    int callsPerBatch() {
        return quick ? 200 : 2000;
    }

    int evals() {
        return quick ? 1 : 5;
    }

    int warmupRounds() {
        return quick ? 0 : 1;
    }

    int rounds() {
        return quick ? 1 : 5;
    }

    int headlineFib() {
        return quick ? 20 : 30;
    }

    List<Integer> fibGrowth() {
        return quick ? List.of(16, 18, 20) : List.of(20, 22, 24, 26, 28, 30);
    }

    List<Integer> functionCounts() {
        return quick ? List.of(10, 100) : List.of(10, 100, 1000);
    }

    /** Rounds per size in the round-cost table: the cost is small, so more samples. */
    int roundCostSamples() {
        return quick ? 1 : 7;
    }

    /** Fresh instances per way in the static linking table: one first evaluation each. */
    int firstEvaluationSamples() {
        return quick ? 1 : 7;
    }

    /** Instantiations per module: a few milliseconds each, so many. */
    int instantiationSamples() {
        return quick ? 3 : 31;
    }

    /** The suite programs the quick protocol runs once for the tiering section: the two. */
    static final List<String> QUICK_TIERING_SUITE = List.of("tak", "nqueens");

    /**
     * The programs of the tiering section, each run once per way: the seed's fib, then the suite.
     *
     * @return fib(30) and all of bench/programs, or fib(20), tak and nqueens when quick
     */
    List<Program> tieringPrograms() {
        List<Program> programs = new java.util.ArrayList<>();
        programs.add(Program.fib(headlineFib()));
        programs.addAll(quick ? QUICK_TIERING_SUITE.stream().map(Program::suite).toList() : Program.suite());
        return programs;
    }

    /** Runs per program and way in the tiering section: each a fresh interpreter. */
    int tieringSamples() {
        return quick ? 1 : 5;
    }

    /** Iterations of the timed loop whose take-over the tiering section plots. */
    int takeOverIterations() {
        return quick ? 20 : 200;
    }

    /** The fib argument each iteration of that loop computes. */
    int takeOverWork() {
        return quick ? 12 : 18;
    }
}
