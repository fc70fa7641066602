package dev.wasmjit.harness;

import dev.wasmjit.junit.SchemeProgram;
import dev.wasmjit.bridge.ModuleShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** --module runs any module with the guest ABI: the bundled guest as a file, or one with only its core exports. */
class ModuleOptionTest {

    @TempDir
    Path directory;

    @Test
    void runsTheBundledGuestGivenAsAPath() {
        Path module = GuestModules.bundled(directory);

        Wasmjit.CommandOutcome run = Wasmjit.run("--fib", "12", "--module", module.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        DropInTranscript.assertLines(run.stdoutLines(), 12, 5, 233, DropInOutputTest.BUNDLED_JIT_MODULE);
    }

    @Test
    void theCoreAbiModuleReallyLacksTheExtensions() throws IOException {
        ModuleShape shape = ModuleShape.read(Files.readAllBytes(GuestModules.coreAbiOnly(directory)));

        assertThat(shape.exports()).extracting(ModuleShape.Export::name)
                .contains("parse", "eval", "jitModule", "moduleData", "moduleSize", "freeModule")
                .doesNotContainAnyElementsOf(GuestModules.EXTENSIONS);
    }

    @Test
    void runsTheDropInDemoOnAModuleWithOnlyTheCoreAbi() {
        Path module = GuestModules.coreAbiOnly(directory);

        Wasmjit.CommandOutcome run = Wasmjit.run("--fib", "12", "--module", module.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        // without pendingJitCount the guest cannot say how many functions were compiled
        DropInTranscript.assertLines(run.stdoutLines(), 12, 5, 233, "<JitModule: \\d+ bytes, \\d+ functions>");
    }

    @Test
    void runsAnExampleWithJitOnAModuleWithOnlyTheCoreAbi() {
        Path module = GuestModules.coreAbiOnly(directory);
        SchemeProgram ackermann = Examples.named("ackermann.scm");

        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--jit", "--stats", "--module", module.toString(),
                ackermann.file().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdoutLines()).hasSize(3);
        assertThat(run.stdoutLines().get(0)).isEqualTo("result: 9");
        assertThat(run.stdoutLines().get(1)).matches("jit round 1: compiled \\d+ bytes \\(\\d+ functions with the patch\\), table (\\d+) -> \\d+");
        assertThat(run.stdoutLines().get(2)).isEqualTo("result: 9");
    }

    @Test
    void aProgramErrorOnACoreAbiModuleIsReportedOnce() {
        Path module = GuestModules.coreAbiOnly(directory);

        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--module", module.toString(), "-e", "(+ y 1)");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderrLines()).singleElement().asString().startsWith("error: unbound variable: y");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aFileThatIsNotWasmIsAProgramErrorSayingSo() throws IOException {
        Path notWasm = Files.writeString(directory.resolve("fib.wasm"), "(letrec)");

        Wasmjit.CommandOutcome run = Wasmjit.run("--module", notWasm.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderrLines()).singleElement().asString()
                .startsWith("error: ").contains("not a WebAssembly binary module");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aMissingModuleIsAUsageError() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--module", directory.resolve("absent.wasm").toString(), "-e", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("--module: no such file: ").endsWith("Try 'wasmjit run --help' for more information.\n");
    }

    @Test
    void aDeviceThatNeverEndsAsModuleIsOneErrorLine() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--module", "/dev/zero", "-e", "1");

        assertOneErrorLine(run, "error: --module: /dev/zero is larger than 64 MiB, more than any module this host runs");
    }

    @Test
    void aModuleGivingItsResultTextOutsideItsMemoryIsOneErrorLine() {
        Path module = GuestModules.withExportReturning(directory, "lastResultText", 0x7ffffff0);

        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--module", module.toString(), "-e", "1");

        assertOneErrorLine(run, "error: the guest's lastResultText() gave no readable text: guest memory access at");
    }

    @Test
    void aModuleGivingItsErrorMessageOutsideItsMemoryReportsTheMessageItPrinted() {
        Path module = GuestModules.withExportReturning(directory, "lastErrorMessage", -8);

        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--module", module.toString(), "-e", "(car 5)");

        assertOneErrorLine(run, "error: wrong type: car expects a pair");
    }

    @Test
    void aModuleWhoseStackPointerSetterRunsAwayAfterAFailureIsOneErrorLine() {
        Path module = GuestModules.withExportLoopingForever(directory, "setStackPointer");

        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--module", module.toString(), "-e", "(car 5)");

        assertOneErrorLine(run, "error: wrong type: car expects a pair");
        assertThat(run.stderr()).contains("then restoring the shadow-stack pointer failed too: setStackPointer: deadline of 1000 ms exceeded");
    }

    @Test
    void aStartFunctionCutByTheTimeoutIsReportedAsATimeout() {
        Path module = GuestModules.withStartLoopingForever(directory);

        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--module", module.toString(), "--timeout", "1s", "-e", "1");

        assertOneErrorLine(run, "error: timed out: stopped after the --timeout of 1s");
    }

    private static void assertOneErrorLine(Wasmjit.CommandOutcome run, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stderrLines()).as(run.toString()).singleElement().asString().startsWith(message);
        assertThat(run.stderr()).doesNotContain("Exception", "\tat ");
    }
}
