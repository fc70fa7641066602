package dev.wasmjit.bench;

import dev.wasmjit.bridge.LinkReport;
import dev.wasmjit.bridge.WasmModule;
import dev.wasmjit.scheme.JitModule;
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

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The cost of one JIT round, phase by phase, and how it grows with the number of functions
 * compiled: {@link #generate} (the guest's {@code jitModule}), {@link #compile} (wasmtime
 * compiling the generated module), {@link #link} (instantiation, which runs the patch), and
 * the {@link #round} as a whole.
 *
 * <p>Each iteration gets a fresh instance, so that the table and the store do not grow
 * without bound over thousands of linked rounds; each invocation parses the program anew
 * (fresh, uncompiled function records) and evaluates it once, outside the measured time.
 *
 * <p>Each phase has its own state class preparing exactly what the phase needs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class JitRoundBenchmark {

    /**
     * A fresh guest instance per iteration, and the workload. Each state below holds its own:
     * JMH hands a helper method that asks for another state a different object than the
     * benchmark method gets, so a module prepared there would be linked into the wrong
     * instance (and patch the wrong memory).
     */
    @State(Scope.Thread)
    public abstract static class Fresh {

        /** The workload: fib (one function) or a generated program of N functions. */
        @Param({"fib(20)", "functions(10)", "functions(100)", "functions(1000)"})
        public String program;

        /** {@code bundled} or the path of a guest module. */
        @Param("bundled")
        public String guest;

        Program workload;
        SchemeInterpreter scheme;

        /** Opens the instance. */
        @Setup(Level.Iteration)
        public void open() {
            workload = Program.named(program);
            scheme = Guest.fromParameter(guest).open();
            opened();
        }

        /** Called once the iteration's instance is open. */
        void opened() {
        }

        /** Frees the instance and all it linked. */
        @TearDown(Level.Iteration)
        public void close() {
            scheme.close();
        }

        void parseAndEval() {
            SeedProtocol.evalTimes(scheme, scheme.parse(workload.source()), workload, 1);
        }

        JitModule runAndGenerate() {
            parseAndEval();
            return scheme.jit().orElseThrow(() -> new IllegalStateException("no function of " + program
                    + " waited for the JIT after it ran"));
        }
    }

    /** Per invocation: the program has run once, its functions wait for a round. */
    @State(Scope.Thread)
    public static class Ran extends Fresh {
        /** Parses and evaluates the workload. */
        @Setup(Level.Invocation)
        public void run() {
            parseAndEval();
        }
    }

    /** Per iteration: one generated module, to be compiled again and again. */
    @State(Scope.Thread)
    public static class GeneratedModule extends Fresh {
        byte[] bytes;

        @Override
        void opened() {
            bytes = runAndGenerate().bytes();
        }
    }

    /** Per invocation: a round's module, generated and compiled, waiting to be linked. */
    @State(Scope.Thread)
    public static class Compiled extends Fresh {
        WasmModule module;

        /** Runs the workload, generates its module and compiles it. */
        @Setup(Level.Invocation)
        public void compile() {
            module = scheme.instance().engine().compile(runAndGenerate().bytes());
        }

        /** Frees the compiled module (the linked instance keeps its code). */
        @TearDown(Level.Invocation)
        public void free() {
            module.close();
        }
    }

    /**
     * Phase 1: the guest generates the module.
     *
     * @param ran the prepared invocation
     * @return the module
     */
    @Benchmark
    public Optional<JitModule> generate(Ran ran) {
        return ran.scheme.jit();
    }

    /**
     * Phase 2: wasmtime validates and compiles the generated module.
     *
     * @param generated the iteration's generated module
     * @return the module's import count, so the work is used
     */
    @Benchmark
    public int compile(GeneratedModule generated) {
        try (WasmModule module = generated.scheme.instance().engine().compile(generated.bytes)) {
            return module.shape().imports().size();
        }
    }

    /**
     * Phase 3: instantiation runs the patch, which links the compiled functions.
     *
     * @param compiled the prepared invocation
     * @return what was linked
     */
    @Benchmark
    public LinkReport link(Compiled compiled) {
        return compiled.scheme.instance().lateLinker().link(compiled.module);
    }

    /**
     * All three, through the facade: {@code scheme.jit().map(scheme::link)}.
     *
     * @param ran the prepared invocation
     * @return what was linked
     */
    @Benchmark
    public Optional<LinkReport> round(Ran ran) {
        return ran.scheme.jit().map(ran.scheme::link);
    }
}
