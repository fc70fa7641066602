package dev.wasmjit.bridge;

import dev.wasmjit.nativeconfig.EngineSettings;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A call without a deadline has none: not the instance's default, however short. On an
 * isolated engine nothing but an interrupt can end it, so an endless loop runs on until one.
 */
class HandleWithoutDeadlineTest {

    private static final Duration TINY = Duration.ofMillis(20);

    @Test
    void anEndlessCallWithoutDeadlineRunsPastTheTinyDefaultUntilInterrupted() throws Exception {
        WasmEngine engine = WasmEngine.isolated(EngineSettings.defaults());
        WasmModule module = engine.compile(TestReactor.wasm("reactor"));
        try (ReactorInstance instance = TestReactor.wired(module).owning(module).owning(engine::close)
                .stdout(OutputStream.nullOutputStream()).deadline(TINY).instantiate()) {
            GuestFunction spin = instance.requireFunction("spin");
            GuestFunction endless = spin.withoutDeadline();
            assertThat(spin.deadline()).contains(TINY);
            assertThat(endless.deadline()).isEmpty();

            CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
                try {
                    endless.callVoid();
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Thread.sleep(TINY.multipliedBy(15).toMillis());
            assertThat(running).as("the call without deadline ended on its own").isNotDone();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!instance.interrupt()) {
                assertThat(System.nanoTime()).as("the call never started").isLessThan(until);
                Thread.sleep(5);
            }
            assertThat(running.get(10, TimeUnit.SECONDS)).isInstanceOf(GuestInterrupted.class);
            assertThatThrownBy(spin::callVoid).isInstanceOf(GuestTimeout.class); // the default still holds
        }
    }

    @Test
    void everyDeadlineGivenIsCheckedTheSameWay() {
        try (TestReactor r = TestReactor.start()) {
            byte[] generated = TestReactor.wasm("jit-triple");
            for (Duration wrong : new Duration[] {Duration.ZERO, Duration.ofMillis(-1)}) {
                String message = "deadline must be positive, was " + wrong;
                assertThatThrownBy(() -> TestReactor.wired(TestReactor.module("reactor")).deadline(wrong))
                        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
                assertThatThrownBy(() -> r.fn("add").withDeadline(wrong))
                        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
                assertThatThrownBy(() -> r.instance.lateLinker().link(generated, wrong))
                        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
            }
            assertThat(r.instance.lateLinker().rounds()).isZero();
        }
    }
}
