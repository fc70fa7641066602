package dev.wasmjit.harness;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REPL's line-by-line completeness check says what {@link SchemeForms#scan} says of the
 * same text, and reads each line once, whatever the entry's length.
 */
class EntryScannerTest {

    @Test
    void saysWhatTheFullScanSaysAfterEveryLineOfTrickyEntries() {
        List<String> entries = List.of(
                "(define (f x)\n  (+ x 1))",
                "(display \"a)\nb(\")\n(f 1)",
                "'\n(a b\n c)",
                "#;\n(x)\n(y",
                "#| a\n #| nested |#\n still |# 5",
                "|a symbol\nwith a line| 'x",
                "abc|def\nghi",
                "(abc|def\n)|)",
                "\"escaped \\\"\n quote\"",
                "\"ends in a backslash \\\n\"",
                "; (\n(+ 1 2) ; )\n",
                ")))",
                ",@(x\n)",
                "#(1 2\n3)",
                "#\\( (x)");
        for (String entry : entries) {
            assertAgreesLineByLine(entry);
        }
    }

    @Test
    void saysWhatTheFullScanSaysOfRandomText() {
        Random random = new Random(21);
        String alphabet = "()\"|\\;#'`,@ a\n\n";
        for (int round = 0; round < 5000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertAgreesLineByLine(text.toString());
        }
    }

    @Test
    void aFortyThousandLineEntryIsReadInTimeLinearInItsLength() {
        EntryScanner scanner = new EntryScanner();
        scanner.add("(length '(");
        for (int i = 0; i < 40_000; i++) {
            scanner.add("  \"item " + i + "\" (x y) ; a comment (");
            assertThat(scanner.complete()).isFalse();
        }
        scanner.add("))");
        assertThat(scanner.complete()).isTrue();
        assertThat(scanner.examined()).isLessThanOrEqualTo(2L * scanner.text().length());
    }

    @Test
    void aPastedEntryOfTwoHundredKilobytesOnOneLineIsReadOnce() {
        EntryScanner scanner = new EntryScanner();
        String line = "(list " + "(quote abc) \"text\" #(1 2) ".repeat(8_000) + ")";
        assertThat(line.length()).isGreaterThan(200_000);
        scanner.add(line);
        assertThat(scanner.complete()).isTrue();
        assertThat(scanner.examined()).isLessThanOrEqualTo(2L * scanner.text().length());
    }

    private static void assertAgreesLineByLine(String entry) {
        EntryScanner scanner = new EntryScanner();
        StringBuilder sofar = new StringBuilder();
        for (String line : entry.split("\n", -1)) {
            scanner.add(line);
            sofar.append(line).append('\n');
            assertThat(scanner.complete()).as("complete after %s", sofar.toString().replace("\n", "\\n"))
                    .isEqualTo(!SchemeForms.scan(sofar.toString()).incomplete());
        }
        assertThat(scanner.text()).isEqualTo(sofar.toString());
    }
}
