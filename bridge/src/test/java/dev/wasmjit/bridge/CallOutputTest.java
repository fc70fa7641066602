package dev.wasmjit.bridge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the host keeps of a call's output: the latest lines, bounded in count and size. */
class CallOutputTest {

    @Test
    void aCallPrintingAHundredThousandLinesKeepsOnlyTheLatest() {
        CallOutput output = new CallOutput();
        for (int i = 0; i < 100_000; i++) {
            output.add(1, "line " + i);
            output.add(2, "error: number " + i);
        }
        assertThat(output.stdout()).hasSize(CallOutput.MAX_LINES).endsWith("line 99998", "line 99999");
        assertThat(output.stderr()).hasSize(CallOutput.MAX_LINES);
        assertThat(output.errorMessage()).isEqualTo("number 99999");
    }

    @Test
    void longLinesAreKeptUpToABoundOfCharactersButTheLastOneAlways() {
        CallOutput output = new CallOutput();
        String piece = "x".repeat(64 * 1024);
        for (int i = 0; i < 100; i++) {
            output.add(1, piece);
        }
        assertThat(output.stdout().stream().mapToLong(String::length).sum()).isLessThanOrEqualTo(CallOutput.MAX_CHARS);
        assertThat(output.stdout()).isNotEmpty();

        output.add(1, "y".repeat(CallOutput.MAX_CHARS + 1));
        assertThat(output.stdout()).hasSize(1);
    }
}
