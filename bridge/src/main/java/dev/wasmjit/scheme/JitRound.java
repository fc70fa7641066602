package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestFunction;
import dev.wasmjit.bridge.GuestMemory;
import dev.wasmjit.bridge.ModuleShape;

import java.util.Optional;

/**
 * One JIT round on the guest's side: the guest compiles the functions that ran since the
 * last round into a module in its memory, which is copied out and the guest's copy freed.
 * Linking the copy is the interpreter's next step ({@link SchemeInterpreter#link}).
 */
final class JitRound {

    private JitRound() {
    }

    /**
     * Runs a round; call it inside one exclusive unit of the instance.
     *
     * @param origin the interpreter the module will belong to
     * @return the module, or empty when nothing was waiting to be compiled
     * @throws IllegalStateException if the guest reports a module that is not inside its memory,
     *                               or larger than {@link JitModule#MAX_BYTES}
     */
    static Optional<JitModule> run(SchemeInterpreter origin, GuestAbi abi, GuestMemory memory) {
        int pending = abi.pendingJitCount.map(GuestFunction::callI32).orElse(-1);
        int module = abi.jitModule.callI32();
        if (module == 0) {
            return Optional.empty();
        }
        try {
            int address = abi.moduleData.callI32(module);
            int size = abi.moduleSize.callI32(module);
            long memorySize = memory.size();
            if (size > JitModule.MAX_BYTES) {
                throw new IllegalStateException("the guest's jitModule reported a module of " + size
                        + " bytes, more than the " + JitModule.MAX_BYTES + " a generated module may have");
            }
            if (size < 0 || Integer.toUnsignedLong(address) + size > memorySize) {
                throw new IllegalStateException("the guest's jitModule reported a module of " + size
                        + " bytes at 0x" + Integer.toHexString(address) + ", which is not inside its memory of "
                        + memorySize + " bytes");
            }
            byte[] bytes = memory.read(address, size);
            int functions = ModuleShape.read(bytes).definedFunctionCount();
            return Optional.of(new JitModule(origin, bytes, functions, pending));
        } finally {
            abi.freeModule.callVoid(module);
        }
    }
}
