package dev.wasmjit.bench;

import dev.wasmjit.bridge.FuncSignature;
import dev.wasmjit.bridge.GuestFunction;
import dev.wasmjit.nativeconfig.EngineSettings;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.ModuleSections.FuncType;
import dev.wasmjit.wasm.ModuleWriter;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.ValueType;
import dev.wasmjit.wasm.WasmOutput;
import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.Instance;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.Val;
import io.github.kawamuray.wasmtime.WasmFunctions;
import io.github.kawamuray.wasmtime.WasmValType;

import java.util.List;

/**
 * What one call costs, from the cheapest the binding offers to a whole evaluation: the four
 * calls that the JMH benchmark {@code CallCostBenchmark} and the report time side by side.
 *
 * <ul>
 *   <li>{@link #trivialEval()}: {@code SchemeInterpreter.eval} of the parsed {@code (+ 1 2)},
 *       as a user of the library calls it (the guest's output discarded, as the benchmarks
 *       have it);</li>
 *   <li>{@link #bridgeExportCall()}: the bridge's {@code GuestFunction} call of the guest's
 *       most trivial export, {@code stackPointer} (no arguments, one i32): what the bridge
 *       adds to a call, without the evaluation;</li>
 *   <li>{@link #rawFuncCall()}: wasmtime-java's {@code Func.call} of an exported
 *       {@code i32.add} in a module of that one function, on an engine with the bridge's
 *       settings;</li>
 *   <li>{@link #rawTypedCall()}: the same function through {@code WasmFunctions.func}, the
 *       binding's typed call.</li>
 * </ul>
 *
 * Not thread-safe: one per benchmark thread.
 */
public final class CallCost implements AutoCloseable {

    /** The evaluation whose cost is measured: as trivial as an {@code i32.add}. */
    public static final String TRIVIAL_PROGRAM = "(+ 1 2)";

    /** {@code (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))}. */
    private static final byte[] ADD_MODULE = addModule();

    private final SchemeInterpreter scheme;
    private final Expression trivial;
    private final GuestFunction stackPointer;
    private final Engine engine;
    private final Store<Void> store;
    private final Module module;
    private final Instance instance;
    private final Func add;
    private final WasmFunctions.Function2<Integer, Integer, Integer> typedAdd;
    private final Val one = Val.fromI32(1);
    private final Val two = Val.fromI32(2);

    private static byte[] addModule() {
        ModuleSections module = new ModuleSections();
        byte[] body = new WasmOutput().opcode(Opcode.LOCAL_GET).u32(0).opcode(Opcode.LOCAL_GET).u32(1)
                .opcode(Opcode.I32_ADD).opcode(Opcode.END).toByteArray();
        module.exportFunction("add", new FuncType(List.of(ValueType.I32, ValueType.I32), List.of(ValueType.I32)),
                List.of(), body);
        return ModuleWriter.write(module);
    }

    /** Opens the bundled guest and instantiates the one-function module. */
    public CallCost() {
        scheme = Guest.bundled().open();
        trivial = scheme.parse(TRIVIAL_PROGRAM);
        stackPointer = scheme.instance().function("stackPointer", FuncSignature.i32(0, 1))
                .orElseThrow(() -> new IllegalStateException("the guest exports no stackPointer"));
        engine = EngineSettings.defaults().newEngine();
        store = new Store<>(null, engine);
        // The bridge's engine interrupts by epoch; this one's epoch never advances.
        store.setEpochDeadline(Long.MAX_VALUE / 2);
        module = Module.fromBinary(engine, ADD_MODULE);
        instance = new Instance(store, module, List.of());
        add = instance.getFunc(store, "add").orElseThrow();
        typedAdd = WasmFunctions.func(store, add, WasmValType.I32, WasmValType.I32, WasmValType.I32);
        check();
    }

    private void check() {
        if (trivialEval() != 3 || rawFuncCall() != 3 || rawTypedCall() != 3 || bridgeExportCall() == 0) {
            throw new IllegalStateException("a call of the call-cost benchmark gave a wrong result");
        }
    }

    /**
     * One evaluation of {@code (+ 1 2)} through {@code SchemeInterpreter.eval}.
     *
     * @return 3
     */
    public int trivialEval() {
        return scheme.eval(trivial).asInteger();
    }

    /**
     * One call of the guest's {@code stackPointer} export through the bridge.
     *
     * @return the guest's stack pointer
     */
    public int bridgeExportCall() {
        return stackPointer.callI32();
    }

    /**
     * One {@code Func.call} of the {@code add} export.
     *
     * @return 3
     */
    public int rawFuncCall() {
        return add.call(store, one, two)[0].i32();
    }

    /**
     * One typed call of the {@code add} export ({@code WasmFunctions.func}).
     *
     * @return 3
     */
    public int rawTypedCall() {
        return typedAdd.call(1, 2);
    }

    @Override
    public void close() {
        add.dispose();
        instance.dispose();
        module.dispose();
        store.dispose();
        engine.dispose();
        scheme.close();
    }
}
