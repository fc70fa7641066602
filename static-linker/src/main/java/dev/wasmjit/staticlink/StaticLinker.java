package dev.wasmjit.staticlink;

import java.util.List;

/**
 * Static late linking: turns a running instance, and the generated modules linked into it,
 * into one standalone module that starts where the instance is now, with the generated code
 * already in place. Wizer's phases are the model:
 * <ol>
 *   <li>{@link #instrument}: the main module, plus getters for what a snapshot must read;
 *       run this module instead of the original;</li>
 *   <li>run it: initialise, evaluate, generate code and link it dynamically, as usual;</li>
 *   <li>{@link #link}: snapshot the instance ({@link SnapshotTaker}) and write the original
 *       module with the snapshot and the generated code merged in ({@link Rewriter}).</li>
 * </ol>
 * The output has the main module's imports and exports; its {@code _initialize} does nothing
 * (the constructors already ran in the snapshot), and no start function runs. A host for the
 * original module can run the output unchanged.
 */
public final class StaticLinker {

    private StaticLinker() {
    }

    /** The module to instantiate in place of {@code mainModule} so that it can be snapshotted later. */
    public static InstrumentedModule instrument(byte[] mainModule) {
        return Instrumenter.instrument(mainModule);
    }

    /**
     * The standalone linked module.
     *
     * @param mainModule       the original (not instrumented) main module
     * @param instrumented     what {@link #instrument} made of it
     * @param instance         a live instance of {@code instrumented}, between calls
     * @param generatedModules every generated module linked into {@code instance}, in link order
     *                         (nothing else may have grown its table since the first was linked)
     * @throws WasmFormatException when a module uses something that cannot be snapshotted or
     *                             merged; the message says what and where
     */
    public static byte[] link(byte[] mainModule, InstrumentedModule instrumented, LiveInstance instance,
                              List<byte[]> generatedModules) {
        Snapshot snapshot = SnapshotTaker.take(instance, instrumented, generatedModules);
        return Rewriter.rewrite(mainModule, snapshot, generatedModules);
    }
}
