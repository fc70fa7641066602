package dev.wasmjit.scheme;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guest that writes without a newline costs the host a bounded buffer: the line reaches the
 * stream in pieces of at most 64 KiB while the guest writes ({@code CallOutputTest}: what the
 * host keeps of a call's output is bounded too).
 */
class OutputLineLimitTest {

    private static final int PIECE = 64 * 1024;

    @Test
    void aLongLineWithoutNewlineReachesTheStreamInBoundedPiecesWhileTheGuestWrites() {
        AtomicLong bytes = new AtomicLong();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.addAndGet(len);
            }
        };
        List<Integer> pieces = new ArrayList<>();
        try (SchemeInterpreter scheme = SchemeInterpreter.builder().stdout(counting)
                .lineListener((fd, line) -> {
                    if (fd == 1) {
                        pieces.add(line.length());
                    }
                }).build()) {
            // 3,000,000 characters through display, never a newline, and nothing else: the interpreter is quiet
            SchemeValue result = scheme.eval(scheme.parse(
                    "(do ((i 0 (+ i 1))) ((= i 300000) 'done) (display \"0123456789\"))"));
            assertThat(result.toString()).isEqualTo("done");
            assertThat(pieces).allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(PIECE));
            assertThat(pieces.size()).isGreaterThanOrEqualTo(3_000_000 / PIECE);
            assertThat(bytes.get()).isEqualTo(3_000_000);
        }
    }
}
