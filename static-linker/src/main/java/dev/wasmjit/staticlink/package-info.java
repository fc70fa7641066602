/**
 * Static late linking: a running instance of a main module, and the modules its JIT generated
 * and linked into it, written out as one standalone module that starts where the instance was.
 *
 * <p>{@link dev.wasmjit.staticlink.StaticLinker} is the entry point. Underneath are a
 * WebAssembly binary reader and writer ({@link dev.wasmjit.staticlink.ModuleReader},
 * {@link dev.wasmjit.staticlink.ModuleWriter}, {@link dev.wasmjit.staticlink.InstructionReader})
 * and Wizer's phases, one file each, with plain data between them:
 * {@link dev.wasmjit.staticlink.Instrumenter} → {@link dev.wasmjit.staticlink.InstrumentedModule};
 * {@link dev.wasmjit.staticlink.SnapshotTaker} (with {@link dev.wasmjit.staticlink.PatchReplay})
 * → {@link dev.wasmjit.staticlink.Snapshot}; {@link dev.wasmjit.staticlink.Rewriter} (with
 * {@code ModuleMerge}) → the linked module's bytes.
 */
package dev.wasmjit.staticlink;
