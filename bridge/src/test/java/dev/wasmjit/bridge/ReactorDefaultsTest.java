package dev.wasmjit.bridge;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link StoreSettings} and {@link ReactorSettings} promise when nothing is set. */
class ReactorDefaultsTest {

    @Test
    void everyCallGetsTenSecondsUnlessTheBuilderSaysOtherwise() {
        assertThat(StoreSettings.DEFAULT_DEADLINE).isEqualTo(Duration.ofSeconds(10));
        try (TestReactor r = TestReactor.start()) {
            assertThat(r.instance.defaultDeadline()).contains(Duration.ofSeconds(10));
            assertThat(r.fn("add").deadline()).contains(Duration.ofSeconds(10));
        }
    }

    @Test
    void theGuestsOutputGoesToSystemOutAndSystemErrAsTheyAreAtTheTimeOfWriting() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try (ReactorInstance instance = TestReactor.wired(TestReactor.module("reactor")).instantiate()) {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            instance.requireFunction("hello").callVoid();
            assertThatThrownBy(() -> instance.requireFunction("fail").callVoid()).isInstanceOf(GuestError.class);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(capturedOut.toString(StandardCharsets.UTF_8)).isEqualTo("hello from the guest\n");
        assertThat(capturedErr.toString(StandardCharsets.UTF_8)).isEqualTo("error: something bad: x\n");
    }

    @Test
    void withoutAnAllocatorMemoryCannotBeAllocated() {
        try (ReactorInstance instance = ReactorInstance.builder(TestReactor.module("reactor"))
                .errorImport("throw_error").hostFunction(TestReactor.HOST_ADD).instantiate()) {
            assertThatThrownBy(() -> instance.memory().allocate(4))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("without an allocator");
        }
    }
}
