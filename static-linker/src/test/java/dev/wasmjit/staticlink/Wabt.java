package dev.wasmjit.staticlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** wabt's command-line tools, as the tests use them: compile WAT sources, validate modules. */
final class Wabt {
    private static final Path WAT_SOURCES = Path.of("src/test/wat");
    private static final Path BUILD = Path.of("target/wat");

    private Wabt() {
    }

    /** Compiles {@code src/test/wat/NAME.wat} with wat2wasm (and its options) and returns the module's bytes. */
    static byte[] compile(String name, String... options) {
        try {
            Files.createDirectories(BUILD);
            Path out = BUILD.resolve(name + String.join("", options) + ".wasm");
            List<String> command = new ArrayList<>(List.of("wat2wasm", "--enable-tail-call"));
            command.addAll(List.of(options));
            command.addAll(List.of(WAT_SOURCES.resolve(name + ".wat").toString(), "-o", out.toString()));
            Tool.run(command);
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new AssertionError("cannot compile " + name + ".wat", e);
        }
    }

    /** wasm-validate's complaints about {@code module}, or the empty string when it is valid. */
    static String validationErrors(byte[] module) {
        Path file = write(module, "validate");
        Tool.Result result = Tool.runAllowingFailure(List.of("wasm-validate", "--enable-tail-call", file.toString()));
        return result.exitCode() == 0 ? "" : result.output();
    }

    /** Writes bytes to a fresh file under target/ and returns its path. */
    static Path write(byte[] module, String prefix) {
        try {
            Files.createDirectories(BUILD);
            Path file = Files.createTempFile(BUILD.toAbsolutePath(), prefix, ".wasm");
            Files.write(file, module);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Asserts that {@code module} passes wasm-validate. */
    static void assertValid(byte[] module) {
        assertThat(validationErrors(module)).as("wasm-validate").isEmpty();
    }
}
