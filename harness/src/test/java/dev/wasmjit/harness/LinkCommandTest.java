package dev.wasmjit.harness;

import dev.wasmjit.junit.SchemeProgram;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.CoreAbiModule;
import dev.wasmjit.wasm.WasmOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code wasmjit link}: static late linking from the command line, and running its output. */
class LinkCommandTest {

    @TempDir
    Path dir;

    @Test
    void linkedModuleRunsTheProgramCompiledFromTheFirstCall() {
        SchemeProgram fib = Examples.named("fib.scm");
        Path out = dir.resolve("fib.wasm");

        Wasmjit.CommandOutcome link = Wasmjit.run("link", "--program", fib.file().toString(), "-o", out.toString());

        assertThat(link.exitCode()).as(link.toString()).isZero();
        assertThat(out).isNotEmptyFile();
        String handle = handleOf(link);
        assertThat(link.stdoutLines()).contains("result: " + fib.expectedValue().orElseThrow(),
                "evaluate it with: wasmjit run --module " + out + " --handle " + handle);

        // --stats with manual tiering runs a JIT round after the first evaluation: nothing may be left to compile.
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--module", out.toString(), "--handle", handle, "--tiering", "manual", "--stats");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdoutLines()).containsExactly(
                "result: " + fib.expectedValue().orElseThrow(), "jit round 1: nothing to compile", "result: " + fib.expectedValue().orElseThrow());
    }

    @Test
    void linkedModuleStillParsesAndRunsNewPrograms() {
        Path out = dir.resolve("closures.wasm");
        Wasmjit.run("link", "--program", Examples.named("closures.scm").file().toString(), "-o", out.toString());

        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--module", out.toString(), "--jit", "-e", "(* 6 7)");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdoutLines()).containsExactly("result: 42", "result: 42");
    }

    @Test
    void aProgramErrorWhileLinkingIsStatusOneAndWritesNothing() throws Exception {
        Path program = dir.resolve("bad.scm");
        Files.writeString(program, "(+ nothing 1)");
        Path out = dir.resolve("bad.wasm");

        Wasmjit.CommandOutcome link = Wasmjit.run("link", "--program", program.toString(), "-o", out.toString());

        assertThat(link.exitCode()).isEqualTo(1);
        assertThat(link.stderrLines()).containsExactly("error: unbound variable: nothing at line 1, column 4");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingProgramIsAUsageError() {
        Wasmjit.CommandOutcome link = Wasmjit.run("link", "--program", dir.resolve("absent.scm").toString(),
                "-o", dir.resolve("x.wasm").toString());

        assertThat(link.exitCode()).isEqualTo(2);
        assertThat(link.stderr()).contains("no such file");
    }

    @Test
    void aHandleOutsideGuestMemoryIsAUsageError() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--handle", "0x7fffffff");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--handle: expression address 0x7fffffff is outside guest memory");
    }

    @Test
    void aHandleThatIsNotAnAddressIsAUsageError() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--handle", "fib");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("is not an address: give the handle `wasmjit link` printed");
    }

    @Test
    void anInBoundsAddressParseNeverReturnedIsAUsageError() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--handle", "0x181a00");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stderrLines().get(0)).startsWith("--handle: 0x181a00 is not an expression this module holds");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aWrongHandleForALinkedModuleIsAUsageError() {
        Path out = dir.resolve("fib.wasm");
        String handle = handleOf(Wasmjit.run("link", "--program", Examples.named("fib.scm").file().toString(),
                "-o", out.toString()));
        String wrong = "0x" + Integer.toHexString(Integer.decode(handle) + 8);

        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--module", out.toString(), "--handle", wrong);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stderrLines().get(0)).startsWith("--handle: " + wrong + " is not an expression this module holds");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aWrongHandleOnAGuestThatCannotCheckItNamesTheHandle() throws Exception {
        Path older = Files.write(dir.resolve("older.wasm"), CoreAbiModule.withoutExports(
                SchemeInterpreter.bundledBytes(), Set.of("isExpressionHandle")));

        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--module", older.toString(), "--handle", "0x1000");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderrLines()).as(run.toString()).singleElement().asString()
                .startsWith("error: evaluating --handle 0x1000 failed: ")
                .endsWith("(this module cannot say which addresses are expressions: is it the handle `wasmjit link` printed for this module?)");
    }

    @Test
    void theHelpGivesNoAddressThatCouldBeTakenForAHandle() {
        Wasmjit.CommandOutcome help = Wasmjit.run("run", "--help");

        assertThat(help.stdout()).contains("--handle").doesNotContainPattern("0x[0-9a-fA-F]+");
    }

    private static String handleOf(Wasmjit.CommandOutcome link) {
        return link.stdoutLines().stream().filter(l -> l.startsWith("handle: ")).findFirst()
                .map(l -> l.substring("handle: ".length()))
                .orElseThrow(() -> new AssertionError("no handle line in\n" + link));
    }

    @Test
    void aModuleWithASectionSizeBeyondItsBytesIsOneErrorLine() throws Exception {
        Path module = dir.resolve("neg.wasm");
        Files.write(module, new WasmOutput().header().u8s(0x00, 0xfa, 0xff, 0xff, 0xff, 0x0f).toByteArray());
        Path program = dir.resolve("one.scm");
        Files.writeString(program, "1");
        Path out = dir.resolve("out.wasm");

        for (String command : new String[] {"link", "run"}) {
            Wasmjit.CommandOutcome outcome = command.equals("link")
                    ? Wasmjit.run("link", "--module", module.toString(), "--program", program.toString(), "-o", out.toString())
                    : Wasmjit.run("run", "--timeout", "1s", "--module", module.toString(), "-e", "1");
            assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(1);
            assertThat(outcome.stderrLines()).as(command).hasSize(1).first().asString()
                    .startsWith("error: ").contains("section 0 at").contains("4294967290 bytes");
        }
        assertThat(out).doesNotExist();
    }
}
