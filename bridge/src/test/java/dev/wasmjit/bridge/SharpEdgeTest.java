package dev.wasmjit.bridge;

import dev.wasmjit.nativeconfig.EngineSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * wasmtime-java 0.19.0's sharp edges, each attempted through the public API: every one is a
 * Java exception, and the JVM and the instance live on.
 */
class SharpEdgeTest {

    @Test
    void refusesToLinkAModuleCompiledByAnotherEngine() {
        WasmEngine other = WasmEngine.of(EngineSettings.defaults().withOptimization(EngineSettings.Optimization.NONE));
        assertThat(other).isNotSameAs(WasmEngine.shared());
        try (TestReactor r = TestReactor.start();
             WasmModule foreign = other.compile(TestReactor.wasm("jit-triple"))) {
            assertThatThrownBy(() -> r.instance.lateLinker().link(foreign))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot cross engines");
            assertThat(r.instance.lateLinker().link(WasmEngine.shared().compile(TestReactor.wasm("jit-triple")))
                    .slotsAdded()).isEqualTo(1);
        }
    }

    @Test
    void aWasmStackAboveTwoMebibytesIsRefusedWhenTheSettingsAreMadeNotWhenTheEngineIs() {
        // the binding has no setter for the async stack size, which bounds max_wasm_stack
        assertThatThrownBy(() -> EngineSettings.defaults().withMaxWasmStackBytes(4L << 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2097152");
        assertThat(WasmEngine.of(EngineSettings.defaults().withMaxWasmStackBytes(2L << 20))).isNotNull();
    }

    @Test
    void refusesGeneratedCodeThatImportsAGlobal() {
        try (TestReactor r = TestReactor.start()) {
            assertThatThrownBy(() -> r.instance.lateLinker().link(TestReactor.wasm("jit-imports-global")))
                    .isInstanceOf(LinkException.class).hasMessageContaining("globals cannot be linked");
            assertThat(r.fn("add").callI32(1, 1)).isEqualTo(2);
        }
    }

    @Test
    void refusesAMainModuleThatImportsATable() {
        assertThatThrownBy(() -> ReactorInstance.builder(TestReactor.module("imports-table")).instantiate())
                .isInstanceOf(ModuleException.class)
                .hasMessageContaining("table env.table")
                .hasMessageContaining("only functions");
    }

    @Test
    void refusesACommandModule() {
        assertThatThrownBy(() -> ReactorInstance.builder(TestReactor.module("command")).instantiate())
                .isInstanceOf(ModuleException.class).hasMessageContaining("_start");
    }

    @Test
    void refusesAModuleWhoseImportsAreNotProvided() {
        assertThatThrownBy(() -> ReactorInstance.builder(TestReactor.module("reactor")).instantiate())
                .isInstanceOf(ModuleException.class)
                .hasMessageContaining("function env.throw_error")
                .hasMessageContaining("function env.host_add");
    }

    @Test
    void refusesASecondThreadWhileACallIsUnderWay() throws Exception {
        try (TestReactor r = TestReactor.start()) {
            GuestFunction spin = r.fn("spin").withDeadline(Duration.ofSeconds(2));
            CompletableFuture<Throwable> spinning = CompletableFuture.supplyAsync(() -> {
                try {
                    spin.callVoid();
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Thread.sleep(200); // let the spinner enter; until then this thread stays out of its way
            Throwable refusal = null;
            while (refusal == null && !spinning.isDone()) {
                try {
                    r.fn("add").callI32(1, 1);
                    Thread.sleep(5);
                } catch (IllegalStateException e) {
                    refusal = e;
                }
            }
            assertThat(refusal).isNotNull().hasMessageContaining("in use by thread");
            assertThat(spinning.get(10, TimeUnit.SECONDS)).isInstanceOf(GuestTimeout.class);
            assertThat(r.fn("add").callI32(1, 1)).isEqualTo(2);
        }
    }

    @Test
    void refusesAHostFunctionCallingBackIntoItsInstance() {
        ReactorInstance[] self = new ReactorInstance[1];
        HostFunction reentrant = new HostFunction("host_add", FuncSignature.i32(2, 1),
                (memory, args) -> List.of(self[0].requireFunction("add").callI32(1, 2)));
        try (TestReactor r = TestReactor.start(reentrant)) {
            self[0] = r.instance;
            assertThatThrownBy(() -> r.fn("useHost").callI32(1, 2))
                    .isInstanceOf(GuestTrap.class)
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("a host function cannot call back into its own instance");
            assertThat(r.fn("add").callI32(1, 1)).isEqualTo(2);
        }
    }

    @Test
    void refusesTheTextFormatWhereABinaryIsExpected() {
        assertThatThrownBy(() -> WasmEngine.shared().compile("(module)".getBytes()))
                .isInstanceOf(ModuleException.class).hasMessageContaining("not a WebAssembly binary");
    }
}
