package dev.wasmjit.bridge;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the guest's allocator returns is checked before the host writes through it. */
class GuestAllocatorTest {

    @Test
    void aBlockRunningPastTheEndOfMemoryIsRefusedInOneLineAndTheInstanceAnswersAfterwards() {
        try (ReactorInstance instance = ReactorInstance.builder(TestReactor.module("allocator-outside-memory"))
                .allocator("allocateBytes", "freeBytes")
                .stdout(OutputStream.nullOutputStream())
                .stderr(OutputStream.nullOutputStream())
                .instantiate()) {
            assertThatThrownBy(() -> instance.memory().allocateCString("0123456789"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the guest's allocateBytes(11) returned 0xfff8, outside its memory of 65536 bytes");
            assertThat(instance.requireFunction("answer").callI32()).isEqualTo(42);
        }
    }
}
