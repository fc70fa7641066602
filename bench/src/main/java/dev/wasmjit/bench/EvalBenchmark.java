package dev.wasmjit.bench;

import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The seed's measurement under JMH: five evaluations of one parsed program, interpreted, or
 * on the same instance after one JIT round linked the functions that ran.
 *
 * <p>Workloads: fib(N) for N from 20 to 30 (how the gain grows with the work) and every
 * example. Choose the guest with {@code -p guest=PATH} (default: the bundled one), for
 * example {@code -p guest=guest/interplib-baseline.wasm}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class EvalBenchmark {

    /** What runs: {@code fib(N)} or an example's name. */
    @Param({"fib(20)", "fib(22)", "fib(24)", "fib(26)", "fib(28)", "fib(30)",
            "ackermann", "closures", "countdown", "factorial", "fib", "higher-order",
            "mutual-recursion", "sum-accumulator"})
    public String program;

    /** {@code interpreted}, or {@code jit}: after one JIT round, linked. */
    @Param({"interpreted", "jit"})
    public String mode;

    /** {@code bundled} or the path of a guest module. */
    @Param("bundled")
    public String guest;

    private SchemeInterpreter scheme;
    private Program workload;
    private Expression expression;

    /** Parses the program and evaluates it once, as the seed does before its JIT round. */
    @Setup(Level.Trial)
    public void prepare() {
        workload = Program.named(program);
        scheme = Guest.fromParameter(guest).open();
        expression = scheme.parse(workload.source());
        SeedProtocol.evalTimes(scheme, expression, workload, 1);
        if (mode.equals("jit")) {
            scheme.jit().ifPresent(scheme::link);
            if (scheme.compiledFunctionCount().orElse(1) == 0) {
                throw new IllegalStateException("the JIT round compiled nothing for " + program);
            }
        } else if (!mode.equals("interpreted")) {
            throw new IllegalArgumentException("mode must be interpreted or jit, was " + mode);
        }
    }

    /**
     * Five evaluations, each checked.
     *
     * @return their time in nanoseconds (returned so that nothing is optimised away)
     */
    @Benchmark
    public long fiveEvals() {
        return SeedProtocol.evalTimes(scheme, expression, workload, SeedProtocol.SEED_EVALS);
    }

    /** Frees the instance. */
    @TearDown(Level.Trial)
    public void close() {
        scheme.close();
    }
}
