package dev.wasmjit.scheme;

import dev.wasmjit.bridge.FuncSignature;
import dev.wasmjit.bridge.GuestBlock;
import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestFunction;
import dev.wasmjit.bridge.ModuleException;
import dev.wasmjit.bridge.ModuleShape;
import dev.wasmjit.bridge.ReactorInstance;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The guest's ABI as Java calls: the core exports, which every module must have, and the
 * wasmjit extensions, each used when the module exports it (guest/README.md describes both).
 * Each operation runs its guest calls as one unit of the instance, and a guest error comes
 * out refined ({@link GuestErrors}). {@link SchemeInterpreter} checks its arguments first.
 */
final class GuestAbi {

    /** The extension that evaluates without printing the result line. */
    static final String EVAL_QUIETLY = "evalQuietly";

    private final ReactorInstance instance;
    private final QuietOutput quiet;

    final GuestFunction parse;
    /** What evaluates: {@code evalQuietly} for a quiet interpreter when the module has it, else {@code eval}. */
    final GuestFunction eval;
    /** What evaluates without a result line, whatever the interpreter prints: {@code evalQuietly} when the module has it. */
    final GuestFunction quietEval;
    final GuestFunction jitModule;
    final GuestFunction moduleData;
    final GuestFunction moduleSize;
    final GuestFunction freeModule;
    final Optional<GuestFunction> lastResultText;
    final Optional<GuestFunction> lastResultKind;
    final Optional<GuestFunction> lastResultInteger;
    final Optional<GuestFunction> lastErrorMessage;
    final Optional<GuestFunction> pendingJitCount;
    final Optional<GuestFunction> compiledFunctionCount;
    final Optional<GuestFunction> collectionCount;
    final Optional<GuestFunction> setHeapLimit;
    final Optional<GuestFunction> setMaxNestedCalls;
    final Optional<GuestFunction> releaseProgram;

    /**
     * Refuses a module without the guest ABI's memory. Checked before instantiation too: the
     * guest's {@code _initialize} may already call WASI, which reads that memory.
     */
    static void requireMemory(ModuleShape shape) {
        if (shape.export("memory").filter(e -> e.kind() == ModuleShape.Kind.MEMORY).isEmpty()) {
            throw new ModuleException("the module lacks the guest ABI: no memory exported as memory");
        }
    }

    /**
     * The exports of an instance.
     *
     * @throws ModuleException if the instance lacks an export of the guest ABI
     */
    GuestAbi(ReactorInstance instance, QuietOutput quiet) {
        this.instance = instance;
        this.quiet = quiet;
        parse = required(instance, "parse", FuncSignature.i32(1, 1));
        GuestFunction printingEval = required(instance, "eval", FuncSignature.i32(2, 0));
        quietEval = instance.function(EVAL_QUIETLY, FuncSignature.i32(2, 0)).orElse(printingEval);
        eval = quiet.errorReports == null ? printingEval : quietEval;
        jitModule = required(instance, "jitModule", FuncSignature.i32(0, 1));
        moduleData = required(instance, "moduleData", FuncSignature.i32(1, 1));
        moduleSize = required(instance, "moduleSize", FuncSignature.i32(1, 1));
        freeModule = required(instance, "freeModule", FuncSignature.i32(1, 0));
        requireMemory(instance.shape());
        required(instance, "allocateBytes", FuncSignature.i32(1, 1));
        required(instance, "freeBytes", FuncSignature.i32(1, 0));
        lastResultText = instance.function("lastResultText", FuncSignature.i32(0, 1));
        lastResultKind = instance.function("lastResultKind", FuncSignature.i32(0, 1));
        lastResultInteger = instance.function("lastResultInteger", FuncSignature.i32(0, 1));
        lastErrorMessage = instance.function("lastErrorMessage", FuncSignature.i32(0, 1));
        pendingJitCount = instance.function("pendingJitCount", FuncSignature.i32(0, 1));
        compiledFunctionCount = instance.function("compiledFunctionCount", FuncSignature.i32(0, 1));
        collectionCount = instance.function("collectionCount", FuncSignature.i32(0, 1));
        setHeapLimit = instance.function("setHeapLimit", FuncSignature.i32(1, 0));
        setMaxNestedCalls = instance.function("setMaxNestedCalls", FuncSignature.i32(1, 0));
        releaseProgram = instance.function("releaseProgram", FuncSignature.i32(1, 1));
    }

    /**
     * Copies a source into guest memory and parses it there. A NUL is a parse error here: the
     * guest reads NUL-terminated text and would silently ignore the rest.
     */
    Expression parse(SchemeInterpreter owner, String source) {
        int nul = source.indexOf('\0');
        if (nul >= 0) {
            throw GuestErrors.nulInSource(source, nul);
        }
        return unit(() -> {
            try (GuestBlock text = instance.memory().allocateCString(source)) {
                return new Expression(owner, this, parse.callI32(text.address()), source);
            }
        });
    }

    /** A handle to an expression at a trusted address, which must lie inside guest memory. */
    Expression expressionAt(SchemeInterpreter owner, int address) {
        long size = instance.memory().size();
        if (address <= 0 || Integer.toUnsignedLong(address) >= size) {
            throw new IllegalArgumentException("expression address 0x" + Integer.toHexString(address)
                    + " is outside guest memory (" + size + " bytes)");
        }
        return new Expression(owner, this, address, "");
    }

    /**
     * Evaluates through {@code eval}, this ABI's {@code eval} with the deadline of the call,
     * and reads the result back ({@link ResultReader}).
     *
     * @throws IllegalArgumentException if another interpreter parsed the expression, or the
     *                                  heap size is not positive; the guest is not called
     */
    SchemeValue eval(SchemeInterpreter owner, GuestFunction eval, Expression expression, int heapBytes) {
        if (expression.owner() != owner) {
            throw new IllegalArgumentException("the expression was parsed by another interpreter");
        }
        if (expression.isReleased()) {
            throw new IllegalStateException("the expression " + expression + " was released");
        }
        checkedHeapSize(heapBytes);
        return unit(true, () -> {
            eval.callVoid(expression.address(), heapBytes);
            return ResultReader.lastResult(this, instance, owner.hostObjects);
        });
    }

    /** Frees a released expression's program in the guest, unless the instance is closed. */
    void release(Expression expression) {
        if (releaseProgram.isPresent() && !instance.isClosed()) {
            unit(() -> releaseProgram.get().callI32(expression.address()));
        }
    }

    /** Runs a JIT round ({@link JitRound}). */
    Optional<JitModule> jit(SchemeInterpreter origin) {
        return unit(() -> JitRound.run(origin, this, instance.memory()));
    }

    /** Reads a counter extension, or empty when the module lacks it. */
    GuestCount count(Optional<GuestFunction> counter, String export) {
        return counter.map(f -> GuestCount.of(export, unit(f::callI32))).orElse(GuestCount.absent(export));
    }

    private <T> T unit(Supplier<T> calls) {
        return unit(false, calls);
    }

    /** Runs guest calls as one unit; {@code evaluates} when they are an evaluation. */
    private <T> T unit(boolean evaluates, Supplier<T> calls) {
        return instance.exclusive(() -> {
            boolean finished = false;
            boolean guestError = false;
            try {
                T result = calls.get();
                finished = true;
                return result;
            } catch (GuestError e) {
                guestError = true;
                throw GuestErrors.refine(e, this, instance);
            } finally {
                quiet.endCall(evaluates && finished, guestError);
            }
        });
    }

    private static GuestFunction required(ReactorInstance instance, String name, FuncSignature signature) {
        return instance.function(name, signature).orElseThrow(() -> new ModuleException(
                "the module lacks the guest ABI: no export " + name + " " + signature));
    }

    /** The contract of every heap size, builder and eval alike: positive, or the caller's mistake. */
    static int checkedHeapSize(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("heap size must be positive, was " + bytes);
        }
        return bytes;
    }
}
