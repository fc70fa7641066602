package dev.wasmjit.staticlink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmjit.bridge.ModuleException;
import dev.wasmjit.bridge.WasmEngine;

/**
 * Full validation of a module by wasmtime's own validator, through the bridge: compiling a
 * module validates it against wasmtime 7's default features (MVP, sign extension, saturating
 * truncation, bulk memory, reference types, multi-value, SIMD). Tail calls are not among them,
 * so the opcode fixture is validated by wasm-validate in CI (scripts/cross-runtime-check).
 */
final class Validator {

    private Validator() {
    }

    /** wasmtime's complaint about {@code module}, or the empty string when it is valid. */
    static String errors(byte[] module) {
        try (dev.wasmjit.bridge.WasmModule compiled = WasmEngine.shared().compile(module)) {
            return "";
        } catch (ModuleException e) {
            return e.getMessage();
        }
    }

    /** Asserts that wasmtime accepts {@code module}. */
    static void assertValid(byte[] module) {
        assertThat(errors(module)).as("wasmtime's validation").isEmpty();
    }
}
