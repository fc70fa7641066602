package dev.wasmjit.harness;

import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.CoreAbiModule;
import dev.wasmjit.wasm.WasmOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User errors that once gave stack traces, raw exceptions or misleading words: each is one
 * {@code error:} line on stderr, exit status 1, no stack trace.
 */
class UserErrorTest {

    @TempDir
    Path directory;

    private Path program() throws IOException {
        return Files.writeString(directory.resolve("p.scm"), "(+ 1 2)");
    }

    @Test
    void linkOutputToAFullDevice() throws IOException {
        Wasmjit.CommandOutcome run = Wasmjit.run("link", "--program", program().toString(), "-o", "/dev/full");
        assertOneErrorLine(run, "error: cannot write /dev/full: No space left on device");
    }

    @Test
    void linkOutputToADirectoryIsRefusedBeforeTheProgramRuns() throws IOException {
        Wasmjit.CommandOutcome run = Wasmjit.run("link", "--program", program().toString(), "-o", directory.toString());
        assertOneErrorLine(run, "error: cannot write " + directory + ": Is a directory");
        assertThat(run.stdout()).as("the program did not run").isEmpty();
    }

    @Test
    void linkOutputIntoAMissingDirectoryIsRefusedBeforeTheProgramRuns() throws IOException {
        Path missing = directory.resolve("missing-dir");
        Wasmjit.CommandOutcome run = Wasmjit.run("link", "--program", program().toString(), "-o", missing.resolve("x.wasm").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stderrLines().get(0)).isEqualTo("-o: no such directory: " + missing);
        assertThat(run.stdout()).as("the program did not run").isEmpty();
    }

    @Test
    void aModuleThatIsADirectorySaysSo() throws IOException {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--module", directory.toString(), "-e", "1");
        assertOneErrorLine(run, "error: --module: " + directory + " is a directory, not a .wasm file");
    }

    @Test
    void aProgramFileThatIsADirectorySaysSo() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", directory.toString());
        assertOneErrorLine(run, "error: cannot read " + directory + ": Is a directory");
    }

    @Test
    void aReportIntoAnExistingFileSaysOnceWhatIsWrong() throws IOException {
        Path readme = Files.writeString(directory.resolve("README.md"), "# a file\n");
        Wasmjit.CommandOutcome run = Wasmjit.run("report", "-o", readme.toString());
        assertOneErrorLine(run, "error: could not write the report into " + readme
                + ": it is a file, and -o names the directory report.md and the plots go into");
        assertThat(readme).hasContent("# a file");
    }

    @Test
    void aModuleLackingAnExportOfTheGuestAbiNamesTheContract() throws IOException {
        Path module = Files.write(directory.resolve("no-parse.wasm"),
                CoreAbiModule.withoutExports(SchemeInterpreter.bundledBytes(), Set.of("parse")));
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--module", module.toString(), "-e", "1");
        assertOneErrorLine(run, "error: the module lacks the guest ABI: no export parse");
    }

    @Test
    void aFileTheUserMayNotWriteIsSaidInWords() {
        // A read-only file or directory fails with AccessDeniedException, whose message is only
        // the path: the error line says what it means. (Through the command line this needs a
        // user that permissions stop, and CI runs as root; /dev/full covers the path there.)
        assertThat(ProgramErrorHandler.reason(new AccessDeniedException("/ro.wasm"))).isEqualTo("permission denied");
        assertThat(ProgramErrorHandler.reason(new NoSuchFileException("/gone"))).isEqualTo("no such file or directory");
    }

    @Test
    void linkWithATextFileAsModule() throws IOException {
        Path readme = Files.writeString(directory.resolve("README.md"), "# not wasm\n");
        Wasmjit.CommandOutcome run = Wasmjit.run("link", "--module", readme.toString(), "--program", program().toString(),
                "-o", directory.resolve("out.wasm").toString());
        assertOneErrorLine(run, "error: not a WebAssembly module");
    }

    @Test
    void modulesWithANegativeOrHugeVectorCount() throws IOException {
        Path negative = Files.write(directory.resolve("negative.wasm"),
                new WasmOutput().header().u8s(1, 5, 0xff, 0xff, 0xff, 0xff, 0x0f).toByteArray());
        Path huge = Files.write(directory.resolve("huge.wasm"),
                new WasmOutput().header().u8s(1, 6, 0xff, 0xff, 0xff, 0xff, 0x07, 0).toByteArray());
        assertOneErrorLine(Wasmjit.run("run", "--module", negative.toString(), "-e", "1"), "error: type count 4294967295");
        assertOneErrorLine(Wasmjit.run("run", "--module", huge.toString(), "-e", "1"), "error: type count 2147483647");
    }

    @Test
    void jitModuleReportingANegativeOrHugeSize() throws Exception {
        assertOneErrorLine(Wasmjit.run("run", "--jit", "--module", fixture("jit-size-negative"), "-e", "1"),
                "error: the guest's jitModule reported a module of -1 bytes");
        assertOneErrorLine(Wasmjit.run("run", "--jit", "--module", fixture("jit-size-huge"), "-e", "1"),
                "error: the guest's jitModule reported a module of 2147483647 bytes");
    }

    @Test
    void anEndlessSourceFile() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "/dev/zero");
        assertOneErrorLine(run, "error: cannot read /dev/zero: a source may be at most 16 MiB");
    }

    @Test
    void aSourceThatIsNotUtf8() throws IOException {
        Path latin1 = Files.write(directory.resolve("latin1.scm"), "(display \"caf\u00e9\")".getBytes(StandardCharsets.ISO_8859_1));
        assertOneErrorLine(Wasmjit.run("run", latin1.toString()), "error: cannot read " + latin1 + ": it is not UTF-8 text");
    }

    @Test
    void anInitializeThatTrapsOrTimesOutSaysSo() throws Exception {
        assertOneErrorLine(Wasmjit.run("run", "--module", fixture("init-traps"), "-e", "1"),
                "error: the guest trapped: _initialize trapped");
        assertOneErrorLine(Wasmjit.run("run", "--timeout", "300ms", "--module", fixture("init-spins"), "-e", "1"),
                "error: timed out: stopped after the --timeout of 300ms");
    }

    @Test
    void aFailingStandardOutputIsReportedAndExitsNonZero() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new StandardStreams(new PrintStream(full, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), "run", "-e", "(+ 1 2)");
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .startsWith("error: could not write to standard output");
    }

    private static void assertOneErrorLine(Wasmjit.CommandOutcome run, String start) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderrLines()).as(run.toString()).singleElement().asString().startsWith(start);
        assertThat(run.stderr()).as(run.toString()).doesNotContain("\tat ", "Exception", "Usage:");
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(UserErrorTest.class.getResource("/wasm/" + name + ".wasm").toURI()).toString();
    }
}
