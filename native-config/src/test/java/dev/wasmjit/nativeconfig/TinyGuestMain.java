package dev.wasmjit.nativeconfig;

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
    static final byte[] ANSWER_MODULE = {
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
            0x03, 0x02, 0x01, 0x00,
            0x07, 0x0a, 0x01, 0x06, 'a', 'n', 's', 'w', 'e', 'r', 0x00, 0x00,
            0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b
    };

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
