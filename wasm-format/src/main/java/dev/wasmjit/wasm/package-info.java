/**
 * The WebAssembly binary format, and nothing more: every part of wasmjit that reads or writes
 * wasm bytes does it here.
 *
 * <ul>
 *   <li>{@link dev.wasmjit.wasm.WasmInput} and {@link dev.wasmjit.wasm.WasmOutput}: the
 *       primitive encodings (LEB128 integers, fixed-width numbers, names, sized payloads);</li>
 *   <li>{@link dev.wasmjit.wasm.ModuleSections}: a module's sections as plain data, with
 *       {@link dev.wasmjit.wasm.ModuleReader} and {@link dev.wasmjit.wasm.ModuleWriter};</li>
 *   <li>{@link dev.wasmjit.wasm.Opcode}, {@link dev.wasmjit.wasm.InstructionReader} and
 *       {@link dev.wasmjit.wasm.Instruction}: walking code one instruction at a time;</li>
 *   <li>{@link dev.wasmjit.wasm.ValueType}: the value types.</li>
 * </ul>
 *
 * <p>Every failure to read is a {@link dev.wasmjit.wasm.WasmFormatException} whose message
 * says what is wrong and where. Counts and sizes are checked against the bytes that remain
 * before anything loops or allocates for them, so no input makes a reader hang or run out of
 * memory. The package depends on nothing but the JDK.
 */
package dev.wasmjit.wasm;
