package dev.wasmjit.bridge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReactorWasiTest {

    @Test
    void guestStdoutArrivesInTheJavaStreamLineByLine() {
        try (TestReactor r = TestReactor.start()) {
            r.fn("hello").callVoid();
            r.fn("twoLines").callVoid();
            assertThat(r.stdoutText()).isEqualTo("hello from the guest\ntwo\nlines\n");
            assertThat(r.instance.lastCallStdout()).containsExactly("two", "lines");
        }
    }

    @Test
    void aPartialLineIsDeliveredWhenTheCallReturns() {
        try (TestReactor r = TestReactor.start()) {
            r.fn("partial").callVoid();
            assertThat(r.stdoutText()).isEqualTo("no newline at the end");
            r.fn("hello").callVoid();
            assertThat(r.stdoutText()).endsWith("the end" + "hello from the guest\n");
        }
    }

    @Test
    void stdoutIsACharacterDeviceSoTheGuestLineBuffers() {
        try (TestReactor r = TestReactor.start()) {
            assertThat(r.fn("stdoutFiletype").callI32()).isEqualTo(2);
        }
    }

    @Test
    void unprovidedWasiFunctionsAnswerEnosys() {
        try (TestReactor r = TestReactor.start()) {
            assertThat(r.fn("tryRandom").callI32()).isEqualTo(52);
        }
    }

    @Test
    void procExitEndsTheCallWithGuestExitAndTheInstanceLivesOn() {
        try (TestReactor r = TestReactor.start()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.fn("exit").callVoid(3))
                    .isInstanceOfSatisfying(GuestExit.class, e -> assertThat(e.code()).isEqualTo(3));
            assertThat(r.fn("add").callI32(1, 2)).isEqualTo(3);
        }
    }
}
