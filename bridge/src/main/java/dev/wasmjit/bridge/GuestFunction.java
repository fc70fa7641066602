package dev.wasmjit.bridge;

import dev.wasmjit.wasm.ValueType;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.Val;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A typed handle to a function the instance exports. Arguments are checked against the
 * export's signature before anything reaches the runtime. Each call has a wall-clock deadline:
 * the instance's default, or the one given to {@link #withDeadline}; or none, after
 * {@link #withoutDeadline}.
 */
public final class GuestFunction {

    private final CallGate gate;
    private final String name;
    private final FuncSignature signature;
    private final Func func;
    private final Optional<Duration> deadline;

    GuestFunction(CallGate gate, String name, FuncSignature signature, Func func, Optional<Duration> deadline) {
        this.gate = gate;
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
     * @return the deadline, or empty when calls run without one
     */
    public Optional<Duration> deadline() {
        return deadline;
    }

    /**
     * The same function with another deadline for each call.
     *
     * @param deadline a positive duration
     * @return a handle whose calls get this deadline
     * @throws IllegalArgumentException if the duration is zero or negative
     */
    public GuestFunction withDeadline(Duration deadline) {
        return new GuestFunction(gate, name, signature, func, Optional.of(StoreSettings.checkedDeadline(deadline)));
    }

    /**
     * The same function, its calls running as long as they take (see
     * {@link StoreSettings#noDeadline()}).
     *
     * @return a handle whose calls get no deadline
     */
    public GuestFunction withoutDeadline() {
        return new GuestFunction(gate, name, signature, func, Optional.empty());
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
        Val[] results = gate.call(name, func, deadline, vals);
        return java.util.Arrays.stream(results).map(NativeTypes::fromVal).toList();
    }

    @Override
    public String toString() {
        return name + signature;
    }

    /** The native function, for the instance's own calls through its gate. */
    Func nativeFunc() {
        return func;
    }

    private Val[] invoke(int[] args) {
        Val[] vals = new Val[args.length];
        for (int i = 0; i < args.length; i++) {
            vals[i] = Val.fromI32(args[i]);
        }
        return gate.call(name, func, deadline, vals);
    }

    private void requireI32(int paramCount, int resultCount) {
        if (!signature.equals(FuncSignature.i32(paramCount, resultCount))) {
            throw new IllegalArgumentException(name + " has the signature " + signature
                    + ", not " + FuncSignature.i32(paramCount, resultCount));
        }
    }
}
