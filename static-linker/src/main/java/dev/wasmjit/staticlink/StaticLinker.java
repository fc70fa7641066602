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
 *   <li>{@link #link}: snapshot the instance and write the original module with the snapshot
 *       and the generated code merged in.</li>
 * </ol>
 * The output has the main module's imports and exports; its {@code _initialize} does nothing
 * (the constructors already ran in the snapshot), and no start function runs. A host for the
 * original module can run the output unchanged.
 */
public final class StaticLinker {

    private StaticLinker() {
    }

    /**
     * Prepares a main module for snapshotting: adds exported getters for its unexported globals
     * and its table's size, and changes nothing else.
     *
     * @param mainModule the main module's binary; not modified
     * @return the module to instantiate in place of {@code mainModule}, and what
     *         {@link #link} needs to know about it later
     * @throws dev.wasmjit.wasm.WasmFormatException if {@code mainModule} is malformed, uses a feature the linker
     *                             does not read, already has the instrumentation's exports, or
     *                             has a mutable global of reference type (which cannot be
     *                             snapshotted); the message says what and where
     */
    public static InstrumentedModule instrument(byte[] mainModule) {
        return Instrumenter.instrument(mainModule);
    }

    /**
     * Snapshots {@code instance} and writes the standalone module: {@code mainModule} with the
     * instance's current memory, globals and table merged in, and the code of every generated
     * module. The instance is only read (memory and the getters); it keeps running as before.
     *
     * @param mainModule       the original (not instrumented) main module
     * @param instrumented     what {@link #instrument} made of it
     * @param instance         a live instance of {@code instrumented}, between calls
     * @param generatedModules every generated module linked into {@code instance}, in link order
     *                         (nothing else may have grown its table since the first was linked)
     * @return the linked module's binary: a module with {@code mainModule}'s imports and
     *         exports that starts in the state {@code instance} is in now
     * @throws dev.wasmjit.wasm.WasmFormatException when a module uses something that cannot be snapshotted or
     *                             merged; the message says what and where
     */
    public static byte[] link(byte[] mainModule, InstrumentedModule instrumented, LiveInstance instance,
                              List<byte[]> generatedModules) {
        Snapshot snapshot = SnapshotTaker.take(instance, instrumented, generatedModules);
        return Rewriter.rewrite(mainModule, snapshot, generatedModules);
    }
}
