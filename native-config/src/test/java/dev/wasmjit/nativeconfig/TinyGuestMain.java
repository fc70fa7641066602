package dev.wasmjit.nativeconfig;

import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.ModuleSections.FuncType;
import dev.wasmjit.wasm.ModuleWriter;
import dev.wasmjit.wasm.Opcode;
import dev.wasmjit.wasm.ValueType;
import dev.wasmjit.wasm.WasmOutput;
import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Instance;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.Val;

import java.util.List;

/**
 * A whole JVM's worth of wasmtime use, as light as possible: load the library, compile a
 * module, instantiate it and call it. With the argument {@code direct} it lets wasmtime-java
 * load its library itself, as an application without wasmjit would.
 */
public final class TinyGuestMain {

    /** (module (func (export "answer") (result i32) i32.const 42)) */
    static final byte[] ANSWER_MODULE = answerModule();

    private static byte[] answerModule() {
        ModuleSections module = new ModuleSections();
        byte[] body = new WasmOutput().opcode(Opcode.I32_CONST).s64(42).opcode(Opcode.END).toByteArray();
        module.exportFunction("answer", new FuncType(List.of(), List.of(ValueType.I32)), List.of(), body);
        return ModuleWriter.write(module);
    }

    public static void main(String[] args) {
        boolean direct = args.length > 0 && args[0].equals("direct");
        Engine engine = direct ? new Engine() : EngineSettings.defaults().newEngine();
        try (Store<Void> store = new Store<>(null, engine);
             Module module = Module.fromBinary(engine, ANSWER_MODULE);
             Instance instance = new Instance(store, module, List.of())) {
            // epoch interruption is on in our presets: without a deadline the call traps at once
            store.setEpochDeadline(1);
            Val[] result = instance.getFunc(store, "answer").orElseThrow().call(store);
            System.out.println("answer " + result[0].i32());
        }
    }
}
