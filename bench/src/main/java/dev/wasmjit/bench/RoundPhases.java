package dev.wasmjit.bench;

import dev.wasmjit.bridge.WasmModule;
import dev.wasmjit.scheme.JitModule;
import dev.wasmjit.scheme.SchemeInterpreter;

import java.util.Optional;

/**
 * The time of one JIT round, phase by phase: the guest generating the module
 * ({@code jitModule}, with copying its bytes out), wasmtime compiling the generated module,
 * and instantiating it, which runs its patch and so links it.
 *
 * @param generateNanos     the {@code jitModule} call
 * @param compileNanos      wasmtime's validation and compilation of the generated module
 * @param linkNanos         instantiation with the patch (the late link)
 * @param compiledFunctions functions the guest said it compiled, or -1 if it does not say
 * @param moduleBytes       the generated module's size
 */
public record RoundPhases(long generateNanos, long compileNanos, long linkNanos, int compiledFunctions,
                          int moduleBytes) {

    /**
     * Runs one JIT round on the interpreter, timing each phase. Afterwards the compiled code
     * is linked, exactly as after {@code scheme.jit().ifPresent(scheme::link)}.
     *
     * @param scheme an interpreter whose functions have run
     * @return the phases, or empty when no function waited to be compiled
     */
    public static Optional<RoundPhases> measure(SchemeInterpreter scheme) {
        long start = System.nanoTime();
        Optional<JitModule> generated = scheme.jit();
        long generatedAt = System.nanoTime();
        if (generated.isEmpty()) {
            return Optional.empty();
        }
        JitModule jit = generated.get();
        try (WasmModule module = scheme.instance().engine().compile(jit.bytes())) {
            long compiledAt = System.nanoTime();
            scheme.instance().lateLinker().link(module);
            long linkedAt = System.nanoTime();
            return Optional.of(new RoundPhases(generatedAt - start, compiledAt - generatedAt,
                    linkedAt - compiledAt, jit.compiledCount(), jit.size()));
        }
    }

    /**
     * The whole round.
     *
     * @return generation + compilation + link, in nanoseconds
     */
    public long totalNanos() {
        return generateNanos + compileNanos + linkNanos;
    }
}
