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
 * under any host for the guest ABI; there the compiled functions are in place from the first
 * call, with no {@code jitModule} round, and expression handles from this session stay valid.
 *
 * <p>Under the hood the interpreter runs the instrumented main module ({@link StaticLinker#instrument}),
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
     * Starts an interpreter on {@code mainModule} (the guest, or any module with the guest ABI).
     *
     * @param mainModule the main module's bytes, as they should appear in the output
     * @param configure  sets anything else on the interpreter's builder (output streams, heap
     *                   size, deadline); its module is always the instrumented main module
     * @return the session, with its interpreter instantiated and initialised
     * @throws dev.wasmjit.wasm.WasmFormatException if the module cannot be instrumented (see
     *                             {@link StaticLinker#instrument})
     * @throws dev.wasmjit.bridge.ModuleException if the interpreter cannot be built on it
     */
    public static StaticLinkSession start(byte[] mainModule, UnaryOperator<SchemeInterpreter.Builder> configure) {
        return new StaticLinkSession(Objects.requireNonNull(mainModule, "mainModule"), configure);
    }

    /**
     * Starts an interpreter on {@code mainModule} with the interpreter builder's defaults.
     *
     * @param mainModule the main module's bytes, as they should appear in the output
     * @return the session, with its interpreter instantiated and initialised
     * @throws dev.wasmjit.wasm.WasmFormatException if the module cannot be instrumented
     * @throws dev.wasmjit.bridge.ModuleException if the interpreter cannot be built on it
     */
    public static StaticLinkSession start(byte[] mainModule) {
        return start(mainModule, builder -> builder);
    }

    /**
     * The running interpreter: parse, evaluate and inspect through it, but link generated
     * modules through {@link #link(JitModule)} instead, or they are missing from the output.
     *
     * @return the same interpreter on every call; closed with this session
     */
    public SchemeInterpreter interpreter() {
        return interpreter;
    }

    /**
     * Links a generated module dynamically, and remembers it for {@link #linkStatically()}.
     *
     * @param module a module from this session's interpreter's {@link SchemeInterpreter#jit()}
     * @return what the interpreter linked
     * @throws dev.wasmjit.bridge.LinkException if linking fails; the module is then not
     *                                          remembered, and the session stays usable
     */
    public LinkReport link(JitModule module) {
        LinkReport report = interpreter.link(module);
        linked.add(module.bytes());
        return report;
    }

    /**
     * One JIT round: asks the guest for a module and links it through {@link #link(JitModule)}.
     *
     * @return the module linked, or empty when nothing waited to be compiled
     * @throws dev.wasmjit.bridge.LinkException if linking fails, as for {@link #link(JitModule)}
     */
    public Optional<JitModule> jitAndLink() {
        Optional<JitModule> module = interpreter.jit();
        module.ifPresent(this::link);
        return module;
    }

    /**
     * The standalone module: the main module with the interpreter's current memory and globals
     * and every module linked so far merged in. Call it between evaluations. The session is
     * unchanged and may go on running, linking and linking statically again.
     *
     * @return the standalone module's binary, with the main module's imports and exports
     * @throws dev.wasmjit.wasm.WasmFormatException when something cannot be snapshotted or merged, saying what
     */
    public byte[] linkStatically() {
        return StaticLinker.link(mainModule, instrumented, new ReactorLiveInstance(interpreter.instance()), linked);
    }

    /**
     * Closes the interpreter. Idempotent; afterwards the interpreter, and every method of this
     * session that needs it, throws {@link IllegalStateException}.
     */
    @Override
    public void close() {
        interpreter.close();
    }
}
