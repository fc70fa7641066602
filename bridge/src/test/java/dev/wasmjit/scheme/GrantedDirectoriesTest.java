package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * (scheme file) reaches the directories {@code Builder.preopenDirectory} grants, and nothing
 * else: not without a grant, not through {@code ..}, not through a link that leads out.
 */
class GrantedDirectoriesTest {

    @TempDir
    Path outside;

    private static TestInterpreter granting(Path directory, String guestName) {
        return TestInterpreter.start(b -> b.preopenDirectory(directory, guestName));
    }

    private static SchemeValue eval(TestInterpreter t, String source) {
        return t.scheme.eval(t.scheme.parse(source));
    }

    @Test
    void aProgramReadsWritesAndDeletesFilesInAGrantedDirectory() throws IOException {
        Path granted = Files.createDirectory(outside.resolve("granted"));
        Files.writeString(granted.resolve("in.txt"), "λ line\n(1 2)\n", StandardCharsets.UTF_8);
        try (TestInterpreter t = granting(granted, ".")) {
            assertThat(eval(t, "(call-with-input-file \"in.txt\" (lambda (p) (list (read-line p) (read p))))"))
                    .hasToString("(\"λ line\" (1 2))");

            eval(t, "(call-with-output-file \"out.txt\" (lambda (p) (write '(a \"b\") p)))");
            assertThat(Files.readString(granted.resolve("out.txt"))).isEqualTo("(a \"b\")");

            assertThat(eval(t, "(delete-file \"out.txt\") (file-exists? \"out.txt\")")).isEqualTo(SchemeValue.bool(false));
            assertThat(granted.resolve("out.txt")).doesNotExist();
        }
    }

    @Test
    void aGrantedDirectoryIsSeenByTheNameGiven() throws IOException {
        Path granted = Files.createDirectory(outside.resolve("data"));
        Files.writeString(granted.resolve("x.txt"), "seen\n");
        try (TestInterpreter t = granting(granted, "/data")) {
            assertThat(eval(t, "(with-input-from-file \"/data/x.txt\" read-line)").asString()).isEqualTo("seen");
        }
    }

    @Test
    void withoutAGrantNoFileIsReachable() throws IOException {
        Files.writeString(outside.resolve("x.txt"), "hidden\n");
        try (TestInterpreter t = TestInterpreter.start()) {
            assertThatThrownBy(() -> eval(t, "(open-input-file \"" + outside.resolve("x.txt") + "\")"))
                    .isInstanceOf(GuestError.class)
                    .hasMessageContaining("outside the directories the host grants");
            assertThat(eval(t, "(+ 1 2)").asInteger()).isEqualTo(3);
        }
    }

    @Test
    void aFileOutsideEveryGrantIsAFileErrorThatGuardTakes() throws IOException {
        Files.writeString(outside.resolve("x.txt"), "hidden\n");
        try (TestInterpreter t = TestInterpreter.start()) {
            String path = "\"" + outside.resolve("x.txt") + "\"";
            assertThat(eval(t, "(list (guard (e ((file-error? e) 'file-error)) (open-input-file " + path + "))"
                    + " (guard (e ((file-error? e) 'file-error)) (delete-file " + path + "))"
                    + " (guard (e ((file-error? e) 'file-error)) (call-with-output-file " + path + " (lambda (p) 'written))))"))
                    .hasToString("(file-error file-error file-error)");
            assertThat(outside.resolve("x.txt")).hasContent("hidden");
        }
    }

    @Test
    void dotDotAndLinksThatLeadOutAreRefused() throws IOException {
        Path granted = Files.createDirectory(outside.resolve("granted"));
        Files.writeString(outside.resolve("secret.txt"), "secret\n");
        Files.createSymbolicLink(granted.resolve("link.txt"), outside.resolve("secret.txt"));
        try (TestInterpreter t = granting(granted, ".")) {
            for (String path : new String[] {"../secret.txt", "link.txt", "sub/../../secret.txt"}) {
                assertThatThrownBy(() -> eval(t, "(open-input-file \"" + path + "\")")).as(path)
                        .isInstanceOf(GuestError.class)
                        .hasMessageContaining("cannot open");
            }
            assertThatThrownBy(() -> eval(t, "(call-with-output-file \"../escaped.txt\" (lambda (p) (display 1 p)))"))
                    .isInstanceOf(GuestError.class);
            assertThat(outside.resolve("escaped.txt")).doesNotExist();
        }
    }

    @Test
    void outputNotYetFlushedReachesTheFileWhenTheEvaluationEnds() throws IOException {
        Path granted = Files.createDirectory(outside.resolve("granted"));
        try (TestInterpreter t = granting(granted, ".")) {
            eval(t, "(define p (open-output-file \"log.txt\")) (display \"first\" p)");
            assertThat(Files.readString(granted.resolve("log.txt"))).isEqualTo("first");
            eval(t, "(display \" second\" p) (close-port p)");
            assertThat(Files.readString(granted.resolve("log.txt"))).isEqualTo("first second");
        }
    }
}
