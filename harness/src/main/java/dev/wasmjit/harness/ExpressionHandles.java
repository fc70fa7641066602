package dev.wasmjit.harness;

import dev.wasmjit.bridge.FuncSignature;
import dev.wasmjit.scheme.SchemeInterpreter;

import java.util.Optional;

/**
 * Asks the guest whether an address is an expression handle, through the guest ABI's
 * {@code isExpressionHandle} export: a handle typed by a user ({@code run --handle}) is
 * checked before {@code eval} reads it as a program.
 */
final class ExpressionHandles {

    private static final String EXPORT = "isExpressionHandle";

    private ExpressionHandles() {
    }

    /**
     * Whether the guest has parsed an expression at this address.
     *
     * @param scheme  the interpreter
     * @param address the address
     * @return the guest's answer, or empty when the module lacks the export (older guests)
     */
    static Optional<Boolean> isExpression(SchemeInterpreter scheme, int address) {
        return scheme.instance().function(EXPORT, FuncSignature.i32(1, 1))
                .map(f -> f.callI32(address) != 0);
    }
}
