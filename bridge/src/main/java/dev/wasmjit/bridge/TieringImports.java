package dev.wasmjit.bridge;

import java.util.List;

/**
 * The two imports through which the Scheme guest asks for automatic tiering
 * ({@code docs/DESIGN.md}, "Automatic tiering"): {@code env.jit_ready(ptr, size) -> i32} hands
 * over a generated module's bytes, {@code env.tier_poll() -> i32} asks whether the round handed
 * over is finished. Every host of the guest must define them; one that does not tier answers
 * both with 0, and the guest then never tiers. A host that gives no {@link HostFunction} of
 * these names gets those answers, so existing hosts of the guest keep working unchanged.
 */
public final class TieringImports {

    /** {@code (i32 bytes, i32 size) -> i32}: 1 if the host took the module, 0 to stop tiering. */
    public static final String JIT_READY = "jit_ready";

    /** {@code () -> i32}: 1 once the round handed over is linked or given up, else 0. */
    public static final String TIER_POLL = "tier_poll";

    private TieringImports() {
    }

    /** The answer of a host that does not tier, for an {@code env} import of this name; null for other names. */
    static HostFunction withoutTiering(String name) {
        return switch (name) {
            case JIT_READY -> new HostFunction(JIT_READY, FuncSignature.i32(2, 1), (memory, args) -> List.of(0));
            case TIER_POLL -> new HostFunction(TIER_POLL, FuncSignature.i32(0, 1), (memory, args) -> List.of(0));
            default -> null;
        };
    }
}
