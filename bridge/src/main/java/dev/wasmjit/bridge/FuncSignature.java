package dev.wasmjit.bridge;

import dev.wasmjit.wasm.ValueType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parameter and result types of a WebAssembly function.
 *
 * @param params  parameter types, in order
 * @param results result types, in order
 */
public record FuncSignature(List<ValueType> params, List<ValueType> results) {

    /**
     * Copies the lists so the signature is immutable.
     *
     * @param params  parameter types
     * @param results result types
     */
    public FuncSignature {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /**
     * A signature of i32 parameters and i32 results only.
     *
     * @param paramCount  how many i32 parameters
     * @param resultCount how many i32 results (0 or 1 in practice)
     * @return the signature
     */
    public static FuncSignature i32(int paramCount, int resultCount) {
        return new FuncSignature(java.util.Collections.nCopies(paramCount, ValueType.I32),
                java.util.Collections.nCopies(resultCount, ValueType.I32));
    }

    /** Shown as WebAssembly text shows it, for example {@code (i32, i32) -> (i32)}. */
    @Override
    public String toString() {
        return "(" + join(params) + ") -> (" + join(results) + ")";
    }

    private static String join(List<ValueType> types) {
        return types.stream().map(t -> t.name().toLowerCase()).collect(Collectors.joining(", "));
    }
}
