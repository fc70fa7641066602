package dev.wasmjit.bench;

import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.WasmModule;
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
 * Static late linking against dynamic: the time of the first evaluation of a program
 * ({@link #firstEvaluation}) in a fresh instance of the statically linked {@code out.wasm}
 * evaluating its snapshotted handle ({@code way=static}, no {@code jitModule} call), in a
 * live instance right after its dynamic JIT link ({@code live}), and interpreted, for
 * reference ({@code interpreted}); and what instantiating {@code out.wasm}, which carries a
 * memory snapshot, costs against instantiating the guest ({@link Instantiate}).
 *
 * <p>Single-shot: every iteration prepares a fresh instance outside the measured time and
 * times its one first evaluation.
 *
 * <pre>{@code
 * java -jar bench/target/benchmarks.jar StaticLinkBenchmark -p program='fib(30)'
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 15)
public class StaticLinkBenchmark {

    /** What runs: {@code fib(N)} or an example's name. */
    @Param({"fib(25)", "fib(26)", "fib(27)", "fib(28)", "fib(29)", "fib(30)",
            "ackermann", "closures", "countdown", "factorial", "fib", "higher-order",
            "mutual-recursion", "sum-accumulator"})
    public String program;

    /** {@code static}, {@code live} or {@code interpreted}: how the first evaluation runs. */
    @Param({"static", "live", "interpreted"})
    public String way;

    /** {@code bundled} or the path of a guest module. */
    @Param("bundled")
    public String guest;

    private Guest main;
    private Program workload;
    private StaticSnapshot snapshot;
    private FirstEvaluation first;

    /** Links the program statically once, when the static way is measured. */
    @Setup(Level.Trial)
    public void link() {
        main = Guest.fromParameter(guest);
        workload = Program.named(program);
        if (way.equals("static")) {
            snapshot = StaticSnapshot.take(main, workload);
        } else if (!way.equals("live") && !way.equals("interpreted")) {
            throw new IllegalArgumentException("way must be static, live or interpreted, was " + way);
        }
    }

    /** A fresh instance whose next evaluation is the first one of its way. */
    @Setup(Level.Iteration)
    public void prepare() {
        first = switch (way) {
            case "static" -> FirstEvaluation.staticallyLinked(snapshot);
            case "live" -> FirstEvaluation.afterLiveLink(main, workload);
            default -> FirstEvaluation.interpreted(main, workload);
        };
    }

    /**
     * The first evaluation, checked.
     *
     * @return its time in nanoseconds (returned so that nothing is optimised away)
     */
    @Benchmark
    public long firstEvaluation() {
        return first.evaluate();
    }

    /** Frees the instance. */
    @TearDown(Level.Iteration)
    public void close() {
        first.close();
    }

    /**
     * Instantiation alone, the module compiled beforehand: the guest (its {@code _initialize}
     * runs the C++ constructors) against {@code out.wasm} of fib(30) (a no-op
     * {@code _initialize}, its memory snapshot copied in as data segments).
     */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(1)
    @Warmup(iterations = 10)
    @Measurement(iterations = 50)
    public static class Instantiate {

        /** {@code guest} (the main module) or {@code out.wasm} (it linked statically). */
        @Param({"guest", "out.wasm"})
        public String module;

        /** {@code bundled} or the path of a guest module. */
        @Param("bundled")
        public String guest;

        private WasmModule compiled;
        private ReactorInstance instance;

        /** Compiles the module once. */
        @Setup(Level.Trial)
        public void compile() {
            Guest main = Guest.fromParameter(guest);
            Guest measured = switch (module) {
                case "guest" -> main;
                case "out.wasm" -> StaticSnapshot.take(main, Program.fib(30)).guest();
                default -> throw new IllegalArgumentException("module must be guest or out.wasm, was " + module);
            };
            compiled = Instantiation.compile(measured);
        }

        /**
         * One instantiation.
         *
         * @return the instance's memory size (returned so that nothing is optimised away)
         */
        @Benchmark
        public long instantiate() {
            instance = Instantiation.instantiate(compiled);
            return instance.memory().size();
        }

        /** Frees the iteration's instance. */
        @TearDown(Level.Iteration)
        public void closeInstance() {
            instance.close();
        }

        /** Frees the module. */
        @TearDown(Level.Trial)
        public void closeModule() {
            compiled.close();
        }
    }
}
