package dev.wasmjit.scheme;

import dev.wasmjit.bridge.FuncSignature;
import dev.wasmjit.bridge.HostFunction;
import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.WasmEngine;
import dev.wasmjit.bridge.WasmModule;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Interpreters and instances dropped without close() give back their guest thread and native
 * state once they are unreachable, and a close() from inside a host function frees the
 * instance when the call returns.
 */
class UnclosedInterpreterTest {

    private static final int DROPPED = 40;

    @Test
    void droppedInterpretersFreeTheirGuestThreads() throws Exception {
        long baseline = GuestThreads.count();
        // held until all are counted: a collection during the loop would free some early
        List<SchemeInterpreter> held = new java.util.ArrayList<>();
        for (int i = 0; i < DROPPED; i++) {
            SchemeInterpreter scheme = SchemeInterpreter.builder().stdout(OutputStream.nullOutputStream()).build();
            Expression program = scheme.parse("(define (f n) (if (< n 2) n (+ (f (- n 1)) (f (- n 2))))) (f 10)");
            scheme.eval(program);
            scheme.jit().ifPresent(scheme::link);
            assertThat(scheme.eval(program).asInteger()).isEqualTo(55);
            held.add(scheme);
        }
        assertThat(GuestThreads.count()).isGreaterThanOrEqualTo(baseline + DROPPED);
        held.clear();

        GuestThreads.awaitAtMost(baseline);
    }

    @Test
    void droppedInterruptibleInterpretersFreeTheirThreadsAndEngines() throws Exception {
        long baseline = GuestThreads.count();
        for (int i = 0; i < 4; i++) {
            SchemeInterpreter scheme = SchemeInterpreter.builder().interruptible(true)
                    .stdout(OutputStream.nullOutputStream()).build();
            assertThat(scheme.eval(scheme.parse("(+ 1 2)")).asInteger()).isEqualTo(3);
        }
        GuestThreads.awaitAtMost(baseline);
    }

    @Test
    void droppedReactorInstancesWithHostFunctionsFreeTheirGuestThreads() throws Exception {
        WasmModule module = WasmEngine.shared().compile(reactorBytes());
        long baseline = GuestThreads.count();
        for (int i = 0; i < DROPPED; i++) {
            ReactorInstance instance = reactor(module, new HostFunction("host_add", FuncSignature.i32(2, 1),
                    (memory, args) -> List.of(args.get(0).intValue() + args.get(1).intValue())));
            assertThat(instance.requireFunction("useHost").callI32(2, 3)).isEqualTo(5);
        }
        GuestThreads.awaitAtMost(baseline);
    }

    @Test
    void closeFromInsideAHostFunctionFreesTheInstanceWhenTheCallReturns() throws Exception {
        WasmModule module = WasmEngine.shared().compile(reactorBytes());
        long baseline = GuestThreads.count();
        AtomicReference<ReactorInstance> self = new AtomicReference<>();
        ReactorInstance instance = reactor(module, new HostFunction("host_add", FuncSignature.i32(2, 1),
                (memory, args) -> {
                    self.get().close();
                    return List.of(args.get(0).intValue() + args.get(1).intValue());
                }));
        self.set(instance);

        assertThat(instance.requireFunction("useHost").callI32(20, 22)).isEqualTo(42);

        assertThat(instance.isClosed()).isTrue();
        assertThatThrownBy(() -> instance.requireFunction("add").callI32(1, 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        GuestThreads.awaitAtMost(baseline);
        instance.close(); // still harmless
    }

    private static ReactorInstance reactor(WasmModule module, HostFunction hostAdd) {
        return ReactorInstance.builder(module)
                .stdout(OutputStream.nullOutputStream())
                .errorImport("throw_error")
                .allocator("allocateBytes", "freeBytes")
                .hostFunction(hostAdd)
                .instantiate();
    }

    private static byte[] reactorBytes() throws Exception {
        try (InputStream in = UnclosedInterpreterTest.class.getResourceAsStream("/wasm/reactor.wasm")) {
            return in.readAllBytes();
        }
    }
}
