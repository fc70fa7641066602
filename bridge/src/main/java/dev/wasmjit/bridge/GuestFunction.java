package dev.wasmjit.bridge;

import dev.wasmjit.wasm.ValueType;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.Val;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A typed handle to a function the instance exports. Arguments are checked against the
 * export's signature before anything reaches the runtime. Each call has a wall-clock deadline:
 * the instance's default, or the one given to {@link #withDeadline}.
 */
public final class GuestFunction {

    private final ReactorInstance instance;
    private final String name;
    private final FuncSignature signature;
    private final Func func;
    private final Duration deadline;

    GuestFunction(ReactorInstance instance, String name, FuncSignature signature, Func func, Duration deadline) {
        this.instance = instance;
        this.name = name;
        this.signature = signature;
        this.func = func;
        this.deadline = deadline;
    }

    /**
     * The export's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The export's signature, as the module declares it.
     *
     * @return the signature
     */
    public FuncSignature signature() {
        return signature;
    }

    /**
     * The deadline each call through this handle gets.
     *
     * @return the deadline
     */
    public Duration deadline() {
        return deadline;
    }

    /**
     * The same function with another deadline for each call.
     *
     * @param deadline a positive duration
     * @return a handle whose calls get this deadline
     */
    public GuestFunction withDeadline(Duration deadline) {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
        return new GuestFunction(instance, name, signature, func, deadline);
    }

    /**
     * Calls a function of i32 parameters that returns one i32.
     *
     * @param args the arguments
     * @return the result
     * @throws IllegalArgumentException if the signature is not {@code (i32...) -> (i32)} with
     *                                  that many parameters
     * @throws GuestException           if the guest fails; the instance stays usable
     */
    public int callI32(int... args) {
        requireI32(args.length, 1);
        return invoke(args)[0].i32();
    }

    /**
     * Calls a function of i32 parameters that returns nothing.
     *
     * @param args the arguments
     * @throws IllegalArgumentException if the signature is not {@code (i32...) -> ()} with
     *                                  that many parameters
     * @throws GuestException           if the guest fails; the instance stays usable
     */
    public void callVoid(int... args) {
        requireI32(args.length, 0);
        invoke(args);
    }

    /**
     * Calls the function with numbers converted to its parameter types.
     *
     * @param args one number per parameter
     * @return the results, as Integer, Long, Float or Double by result type
     * @throws IllegalArgumentException if the number of arguments is wrong
     * @throws GuestException           if the guest fails; the instance stays usable
     */
    public List<Number> call(Number... args) {
        List<ValueType> params = signature.params();
        if (args.length != params.size()) {
            throw new IllegalArgumentException(name + " takes " + params.size() + " arguments "
                    + signature + ", got " + args.length);
        }
        Val[] vals = new Val[args.length];
        for (int i = 0; i < args.length; i++) {
            vals[i] = NativeTypes.toVal(params.get(i), args[i]);
        }
        Val[] results = instance.invoke(name, func, deadline, vals);
        return java.util.Arrays.stream(results).map(NativeTypes::fromVal).toList();
    }

    @Override
    public String toString() {
        return name + signature;
    }

    Func nativeFunc() {
        return func;
    }

    private Val[] invoke(int[] args) {
        Val[] vals = new Val[args.length];
        for (int i = 0; i < args.length; i++) {
            vals[i] = Val.fromI32(args[i]);
        }
        return instance.invoke(name, func, deadline, vals);
    }

    private void requireI32(int paramCount, int resultCount) {
        if (!signature.equals(FuncSignature.i32(paramCount, resultCount))) {
            throw new IllegalArgumentException(name + " has the signature " + signature
                    + ", not " + FuncSignature.i32(paramCount, resultCount));
        }
    }
}
