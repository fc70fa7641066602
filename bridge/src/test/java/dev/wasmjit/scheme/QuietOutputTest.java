package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A library prints nothing of its own: the streams carry what the program prints, and the
 * seed's {@code result:} and {@code error:} lines only when the builder asks for them.
 */
class QuietOutputTest {

    @Test
    void aQuietInterpreterPrintsOnlyWhatTheProgramDisplays() {
        try (TestInterpreter t = TestInterpreter.start()) {
            t.scheme.eval("(display \"hello\") (newline) 42");

            assertThat(t.stdoutText()).isEqualTo("hello\n");
            assertThat(t.stderrText()).isEmpty();
        }
    }

    @Test
    void aCaughtGuestErrorLeavesStderrEmpty() {
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThatThrownBy(() -> t.scheme.eval("(car '())")).isInstanceOf(GuestError.class)
                    .hasMessageStartingWith("wrong type: car");
            assertThatThrownBy(() -> t.scheme.eval("(car")).isInstanceOf(GuestError.class);

            assertThat(t.stderrText()).isEmpty();
        }
    }

    @Test
    void programLinesThatLookLikeTheProtocolStillArrive() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.module(CoreAbiModule.bytes()))) {
            t.scheme.eval("(display \"result: mine\") (newline) (display \"error: mine too\") (newline) 1");

            assertThat(t.stdoutText()).isEqualTo("result: mine\nerror: mine too\n");
        }
    }

    @Test
    void aModuleWithOnlyTheCoreAbiIsQuietToo() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.module(CoreAbiModule.bytes()))) {
            assertThat(t.scheme.eval("(display \"hi\") (newline) (+ 1 2)").asInteger()).isEqualTo(3);
            assertThatThrownBy(() -> t.scheme.eval("(car 1)")).isInstanceOf(GuestError.class);

            assertThat(t.stdoutText()).isEqualTo("hi\n");
            assertThat(t.stderrText()).isEmpty();
        }
    }

    @Test
    void resultLinesSpeakTheSeedsProtocol() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.resultLines(true))) {
            t.scheme.eval("(display \"hello\") 42");
            assertThatThrownBy(() -> t.scheme.eval("(car 1)")).isInstanceOf(GuestError.class);

            assertThat(t.stdoutText()).isEqualTo("hello\nresult: 42\n");
            assertThat(t.stderrText()).startsWith("error: wrong type: car");
        }
    }

    @Test
    void aLineListenerStillHearsTheProtocolLinesOfAQuietInterpreter() {
        List<String> lines = new ArrayList<>();
        try (TestInterpreter t = TestInterpreter.start(b -> b.module(CoreAbiModule.bytes())
                .lineListener((fd, line) -> lines.add(fd + " " + line)))) {
            t.scheme.eval("7");
            assertThatThrownBy(() -> t.scheme.eval("(car 1)")).isInstanceOf(GuestError.class);
        }
        assertThat(lines).first().isEqualTo("1 result: 7");
        assertThat(lines).last().asString().startsWith("2 error: wrong type: car");
    }
}
