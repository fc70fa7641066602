package dev.wasmjit.nativeconfig;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PassThroughStreamTest {

    @Test
    void writesSingleBytesAndArraysToTheSystemOutOfTheMomentOfWriting() throws Exception {
        OutputStream stream = GuestWasi.passThroughStdout();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            stream.write('a');
            stream.write("bc\n".getBytes(StandardCharsets.UTF_8));
            stream.flush();
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("abc\n");
    }
}
