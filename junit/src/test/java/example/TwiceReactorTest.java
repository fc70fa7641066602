package example;

import dev.wasmjit.bridge.GuestFunction;
import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.junit.GuestModule;
import dev.wasmjit.junit.WasmjitTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static dev.wasmjit.junit.WasmjitAssertions.assertThat;

@WasmjitTest
class TwiceReactorTest {

    @Test
    void theLateLinkedFunctionTakesOverTheCalls(@GuestModule(resource = "/wasm/twice.wasm") ReactorInstance guest)
            throws IOException {
        GuestFunction twice = guest.requireFunction("twice");
        assertThat(twice.callI32(21)).isEqualTo(42);                          // the reactor's own code

        assertThat(guest.lateLinker().link(resource("/wasm/jit-twice.wasm")))
                .linkedFunctions(2)                                           // the function and its patch
                .addedSlots(1);
        assertThat(twice.callI32(21)).isEqualTo(42);                          // through the table now
        assertThat(guest.global("compiledCalls").orElseThrow().get()).isEqualTo(1);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TwiceReactorTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
