package dev.wasmjit.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@link SingleRun} under JMH: a program run once in a fresh interpreter, with tiering off,
 * automatic, or manual after warm-up (the best case), as a single shot per invocation. The
 * score includes instantiating the guest and parsing, which the three ways share; the report's
 * tiering section times the evaluation alone. For example
 * {@code java -jar bench/target/benchmarks.jar TieringBenchmark -p program=fib(30)}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
public class TieringBenchmark {

    /** What runs: {@code fib(N)}, {@code suite/NAME} or an example's name. */
    @Param({"fib(30)", "suite/tak", "suite/nqueens"})
    public String program;

    /** {@code off}, {@code automatic} or {@code manual_after_warm_up}. */
    @Param({"off", "automatic", "manual_after_warm_up"})
    public String way;

    private Program workload;
    private SingleRun.Way tiering;
    private Guest guest;

    /** Resolves the parameters once. */
    @Setup
    public void resolve() {
        workload = Program.named(program);
        tiering = SingleRun.Way.valueOf(way.toUpperCase(Locale.ROOT));
        guest = Guest.bundled();
    }

    /**
     * One run of the program, in a fresh interpreter; its result is checked.
     *
     * @return the evaluation's time in nanoseconds, so the work is used
     */
    @Benchmark
    public long runOnce() {
        return SingleRun.run(guest, workload, tiering, Program.SUITE_HEAP_BYTES).evalNanos();
    }
}
