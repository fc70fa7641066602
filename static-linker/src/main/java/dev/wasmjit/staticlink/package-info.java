/**
 * Static late linking: a running instance of a main module, and the modules its JIT generated
 * and linked into it, written out as one standalone module that starts where the instance was.
 *
 * <p>{@link dev.wasmjit.staticlink.StaticLinkSession} is the entry point for a Scheme
 * interpreter from the bridge; {@link dev.wasmjit.staticlink.StaticLinker} does the same for an
 * instance run by any host, through {@link dev.wasmjit.staticlink.LiveInstance}. Every failure
 * to read or merge a module is a {@link dev.wasmjit.wasm.WasmFormatException}.
 *
 * <p>Inside the package, Wizer's phases are one file each, with plain data between them:
 * {@code Instrumenter} → {@code InstrumentedModule}; {@code SnapshotTaker} (with
 * {@code PatchReplay}) → {@code Snapshot}; {@code Rewriter} (with {@code ModuleMerge}) → the
 * linked module's bytes. Underneath is the wasm-format module ({@code dev.wasmjit.wasm}): the
 * binary reader and writer, the opcodes and the instruction walker these phases share with
 * the bridge.
 */
package dev.wasmjit.staticlink;
