package dev.wasmjit.bridge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one way the generic tests build an instance: the test reactor (src/test/wat/reactor.wat)
 * with its output captured, its error import, its allocator and a host function. The other
 * modules' tests get instances injected by dev.wasmjit:junit, which the bridge's tests cannot
 * use: that module depends on the bridge, and Maven refuses the cycle.
 */
final class TestReactor implements AutoCloseable {

    final ReactorInstance instance;
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    static final HostFunction HOST_ADD = new HostFunction("host_add", FuncSignature.i32(2, 1),
            (memory, args) -> List.of(args.get(0).intValue() + args.get(1).intValue()));

    private TestReactor(ReactorInstance.Builder builder) {
        instance = builder.stdout(stdout).stderr(stderr).instantiate();
    }

    static TestReactor start() {
        return start(HOST_ADD);
    }

    static TestReactor start(HostFunction hostAdd) {
        return new TestReactor(wired(module("reactor")).hostFunction(hostAdd));
    }

    /**
     * A builder for the test reactor compiled as {@code module}, with every import it needs
     * ({@link #HOST_ADD} as its host function) and its allocator; output and deadline left at
     * their defaults.
     */
    static ReactorInstance.Builder wired(WasmModule module) {
        return ReactorInstance.builder(module)
                .errorImport("throw_error")
                .allocator("allocateBytes", "freeBytes")
                .hostFunction(HOST_ADD);
    }

    /** The test reactor compiled once for all tests; modules are immutable and shareable. */
    static WasmModule module(String name) {
        return MODULES.computeIfAbsent(name, n -> WasmEngine.shared().compile(wasm(n)));
    }

    private static final java.util.Map<String, WasmModule> MODULES = new java.util.concurrent.ConcurrentHashMap<>();

    static byte[] wasm(String name) {
        try (InputStream in = TestReactor.class.getResourceAsStream("/wasm/" + name + ".wasm")) {
            if (in == null) {
                throw new IllegalArgumentException("no test module " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    GuestFunction fn(String name) {
        return instance.requireFunction(name);
    }

    String stdoutText() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    String stderrText() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        instance.close();
    }
}
