package dev.wasmjit.staticlink;

import dev.wasmjit.bridge.LinkReport;
import dev.wasmjit.scheme.JitModule;
import dev.wasmjit.scheme.SchemeInterpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A Scheme interpreter whose whole state, JIT-linked code included, can be written out at any
 * moment as a standalone module: the entry point for static linking from Java. Use
 * {@link #interpreter()} to parse and evaluate as usual, {@link #jitAndLink()} (or
 * {@link #link(JitModule)}) for JIT rounds, then {@link #linkStatically()}. The output runs
 * under any host for the seed's ABI; there the compiled functions are in place from the first
 * call, with no {@code jitModule} round, and expression handles from this session stay valid.
 *
 * <p>Under the hood the interpreter runs the instrumented main module ({@link Instrumenter}),
 * and every module linked through this session is remembered for the rewrite. Link generated
 * modules only through this session: one linked behind its back would be missing from the output.
 */
public final class StaticLinkSession implements AutoCloseable {
    private final byte[] mainModule;
    private final InstrumentedModule instrumented;
    private final SchemeInterpreter interpreter;
    private final List<byte[]> linked = new ArrayList<>();

    private StaticLinkSession(byte[] mainModule, UnaryOperator<SchemeInterpreter.Builder> configure) {
        this.mainModule = mainModule.clone();
        this.instrumented = Instrumenter.instrument(mainModule);
        this.interpreter = configure.apply(SchemeInterpreter.builder()).module(instrumented.bytes()).build();
    }

    /**
     * Starts an interpreter on {@code mainModule} (the guest, or any module with the seed's ABI).
     *
     * @param mainModule the main module's bytes, as they should appear in the output
     * @param configure  sets anything else on the interpreter's builder (output streams, heap
     *                   size, deadline); its module is always the instrumented main module
     * @throws WasmFormatException if the module cannot be instrumented
     */
    public static StaticLinkSession start(byte[] mainModule, UnaryOperator<SchemeInterpreter.Builder> configure) {
        return new StaticLinkSession(Objects.requireNonNull(mainModule, "mainModule"), configure);
    }

    /** Starts an interpreter on {@code mainModule} with the interpreter's default settings. */
    public static StaticLinkSession start(byte[] mainModule) {
        return start(mainModule, builder -> builder);
    }

    /** The running interpreter: parse, evaluate and inspect through it. */
    public SchemeInterpreter interpreter() {
        return interpreter;
    }

    /** Links a generated module dynamically, and remembers it for {@link #linkStatically()}. */
    public LinkReport link(JitModule module) {
        LinkReport report = interpreter.link(module);
        linked.add(module.bytes());
        return report;
    }

    /** One JIT round: generates a module and links it; empty when nothing waited to be compiled. */
    public Optional<JitModule> jitAndLink() {
        Optional<JitModule> module = interpreter.jit();
        module.ifPresent(this::link);
        return module;
    }

    /**
     * The standalone module: the main module with the interpreter's current memory and globals
     * and every module linked so far merged in. Call it between evaluations.
     *
     * @throws WasmFormatException when something cannot be snapshotted or merged, saying what
     */
    public byte[] linkStatically() {
        return StaticLinker.link(mainModule, instrumented, new ReactorLiveInstance(interpreter.instance()), linked);
    }

    /** Closes the interpreter. */
    @Override
    public void close() {
        interpreter.close();
    }
}
