package dev.wasmjit.scheme;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter keeps only a call's last protocol line from the sink, and never loses another byte. */
class ProtocolLineFilterTest {

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final ProtocolLineFilter filter = new ProtocolLineFilter(sink, "error: ");

    @Test
    void theLastLineOfACallThatReportsItIsDropped() throws IOException {
        write("before\nerror: bad\n");
        filter.endCall(true);

        assertThat(sinkText()).isEqualTo("before\n");
    }

    @Test
    void aLineLikeTheReportReachesTheSinkWhenMoreOutputFollowsOrTheCallEndsOtherwise() throws IOException {
        write("error: mine\nafter\n");
        filter.endCall(true);
        write("error: held\n");
        filter.endCall(false);

        assertThat(sinkText()).isEqualTo("error: mine\nafter\nerror: held\n");
    }

    @Test
    void aLineThatOnlyStartsLikeThePrefixOrIsUnfinishedIsLetThrough() throws IOException {
        write("err");
        write("or? no\nerror");
        filter.endCall(true);

        assertThat(sinkText()).isEqualTo("error? no\nerror");
    }

    @Test
    void aHeldLineIsBoundedAndALongerOneGoesThroughAsItIsWritten() throws IOException {
        String longLine = "error: " + "x".repeat(ProtocolLineFilter.MAX_HELD_BYTES) + "\n";
        write(longLine);
        filter.endCall(true);

        assertThat(sinkText()).isEqualTo(longLine);
    }

    private void write(String text) throws IOException {
        filter.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private String sinkText() {
        return sink.toString(StandardCharsets.UTF_8);
    }
}
