package dev.wasmjit.bench;

import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.staticlink.StaticLinkSession;

/**
 * A program run once, JIT-compiled and linked statically: the {@code out.wasm} that the
 * harness's {@code link} command writes, and the handle of the program in it.
 *
 * @param program    the program, for its expected result
 * @param module     the standalone module: the guest with its memory, globals and the
 *                   generated code merged in
 * @param expression the address of the parsed program in the module's memory; evaluating it
 *                   runs compiled code from the first call
 */
public record StaticSnapshot(Program program, byte[] module, int expression) {

    /**
     * Does what {@code wasmjit link --program} does: parse, evaluate once (checked), one JIT
     * round linked, and the static link.
     *
     * @param guest   the main module
     * @param program the program
     * @return the snapshot
     * @throws IllegalStateException if the program gives a wrong result or nothing was compiled
     */
    public static StaticSnapshot take(Guest guest, Program program) {
        try (StaticLinkSession session = StaticLinkSession.start(guest.wasm(), Guest::quiet)) {
            SchemeInterpreter scheme = session.interpreter();
            Expression expression = scheme.parse(program.source());
            SeedProtocol.evalTimes(scheme, expression, program, 1);
            if (session.jitAndLink().isEmpty()) {
                throw new IllegalStateException("the JIT round compiled nothing for " + program.name());
            }
            return new StaticSnapshot(program, session.linkStatically(), expression.address());
        }
    }

    /**
     * The module as a guest that benchmarks can open.
     *
     * @return the guest {@code out.wasm}; each instance compiles it anew
     */
    public Guest guest() {
        return Guest.module("out.wasm", module);
    }

    /**
     * The module's size.
     *
     * @return bytes
     */
    public int moduleBytes() {
        return module.length;
    }
}
