package dev.wasmjit.bench.report;

/**
 * The columns of the report: the JIT under test and the anchors measured beside it, each a
 * system that runs the same Scheme programs. (Not {@code Runtime}: that would shadow
 * {@link java.lang.Runtime} in this package.)
 */
enum SchemeRuntime {
    /** The guest on wasmtime, in this JVM: the JIT under test. */
    WASMTIME("wasmtime"),
    /**
     * The straightforward JIT (guest/interplib-baseline.wasm, the same compiler built with
     * -DSTRAIGHTFORWARD=1: every construct compiled, no fast paths) on wasmtime, when it exists.
     */
    WASMTIME_BASELINE("straightforward JIT (wasmtime)"),
    /** The same guest on Node's WebAssembly (V8). */
    NODE("V8 (node)"),
    /** The same interpreter compiled for this machine (guest/build/interp-native). */
    NATIVE("native build"),
    /** GNU Guile 3, with its own compiler and JIT, on the same program text. */
    GUILE("Guile"),
    /** Chez Scheme, a native-code compiler, on the same program text. */
    CHEZ("Chez Scheme");

    private final String label;

    SchemeRuntime(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
