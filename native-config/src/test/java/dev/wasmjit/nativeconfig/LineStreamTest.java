package dev.wasmjit.nativeconfig;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One guest stream cut into lines: what reaches the sink and the listener, and when. */
class LineStreamTest {

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();
    private final List<Integer> fds = new ArrayList<>();
    private final LineStream stream = new LineStream(1, sink, (fd, line) -> {
        fds.add(fd);
        lines.add(line);
    });

    private void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) {
        stream.write(ByteBuffer.wrap(bytes));
    }

    private String sinkText() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPartialLineWaitsForItsNewlineOrTheFlush() {
        write("no newline yet");
        assertThat(sinkText()).isEmpty();
        assertThat(lines).isEmpty();

        write(" - now\nand a partial");
        assertThat(sinkText()).isEqualTo("no newline yet - now\n");
        assertThat(lines).containsExactly("no newline yet - now");

        stream.flushPartialLine();
        assertThat(sinkText()).isEqualTo("no newline yet - now\nand a partial");
        assertThat(lines).containsExactly("no newline yet - now", "and a partial");
        assertThat(fds).containsOnly(1);

        stream.flushPartialLine();
        assertThat(lines).hasSize(2); // nothing pending: no empty line
    }

    @Test
    void severalLinesInOneWriteArriveOneByOneAndAnEmptyLineCounts() {
        write("a\n\nb\n");
        assertThat(lines).containsExactly("a", "", "b");
        assertThat(sinkText()).isEqualTo("a\n\nb\n");
    }

    @Test
    void aCharacterSplitAcrossWritesIsDecodedWhole() {
        byte[] text = "é€😀\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : text) {
            write(new byte[] {b});
        }
        assertThat(lines).containsExactly("é€😀");
        assertThat(sink.toByteArray()).isEqualTo(text);
    }

    @Test
    void aLineWithoutNewlineReachesTheSinkInPiecesAsItIsWritten() {
        byte[] chunk = new byte[4096];
        Arrays.fill(chunk, (byte) 'x');
        int total = 4 << 20;
        for (int written = 0; written < total; written += chunk.length) {
            write(chunk);
        }
        // before any flush, all but the last piece has gone out
        assertThat(sink.size()).isGreaterThan(total - LineStream.MAX_LINE_BYTES - 1);
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(LineStream.MAX_LINE_BYTES));

        stream.flushPartialLine();
        assertThat(sink.size()).isEqualTo(total);
        assertThat(String.join("", lines)).hasSize(total).matches("x+");
        assertThat(lines).hasSize(total / LineStream.MAX_LINE_BYTES);
    }

    @Test
    void aPieceNeverEndsInsideACharacter() {
        byte[] head = new byte[LineStream.MAX_LINE_BYTES - 1];
        Arrays.fill(head, (byte) 'x');
        write(head);
        write("é and the rest\n"); // the é's two bytes straddle the cap
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(LineStream.MAX_LINE_BYTES - 1).matches("x+");
        assertThat(lines.get(1)).isEqualTo("é and the rest");
        assertThat(String.join("", lines)).doesNotContain("\uFFFD");
        assertThat(sink.size()).isEqualTo(LineStream.MAX_LINE_BYTES - 1 + "é and the rest\n".getBytes(StandardCharsets.UTF_8).length);
    }
}
