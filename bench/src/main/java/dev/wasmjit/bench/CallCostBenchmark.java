package dev.wasmjit.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The per-call cost of a library user's cheapest evaluation, side by side with the binding's
 * cheapest call of a trivial export (see {@link CallCost}): {@code trivialEval} over
 * {@code rawTypedCall} (or {@code rawFuncCall}, whichever is cheaper) is how many raw calls one
 * evaluation costs; {@code bridgeExportCall} shows how much of it is the bridge's call path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class CallCostBenchmark {

    private CallCost calls;

    /** Opens the guest and the one-function module. */
    @Setup(Level.Trial)
    public void open() {
        calls = new CallCost();
    }

    /**
     * {@code SchemeInterpreter.eval} of the parsed {@code (+ 1 2)}.
     *
     * @return 3
     */
    @Benchmark
    public int trivialEval() {
        return calls.trivialEval();
    }

    /**
     * The bridge's call of the guest's {@code stackPointer} export.
     *
     * @return the stack pointer
     */
    @Benchmark
    public int bridgeExportCall() {
        return calls.bridgeExportCall();
    }

    /**
     * wasmtime-java's {@code Func.call} of an exported {@code i32.add}.
     *
     * @return 3
     */
    @Benchmark
    public int rawFuncCall() {
        return calls.rawFuncCall();
    }

    /**
     * wasmtime-java's typed call ({@code WasmFunctions.func}) of the same export.
     *
     * @return 3
     */
    @Benchmark
    public int rawTypedCall() {
        return calls.rawTypedCall();
    }

    /** Frees the instances. */
    @TearDown(Level.Trial)
    public void close() {
        calls.close();
    }
}
