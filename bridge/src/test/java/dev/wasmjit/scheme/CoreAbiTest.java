package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.ModuleShape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The core flow needs only the guest ABI's core exports; the extensions are used when present. */
class CoreAbiTest {

    @Test
    void theCoreAbiModuleReallyLacksTheExtensions() {
        ModuleShape shape = ModuleShape.read(CoreAbiModule.bytes());
        assertThat(shape.exports()).extracting(ModuleShape.Export::name)
                .contains("parse", "eval", "jitModule", "moduleData", "moduleSize", "freeModule")
                .doesNotContainAnyElementsOf(CoreAbiModule.EXTENSIONS);
    }

    @Test
    void theExtensionsAreEveryExportOfTheBundledGuestBeyondTheCoreAbi() {
        List<String> exports = ModuleShape.read(SchemeInterpreter.bundledBytes()).exports().stream()
                .map(ModuleShape.Export::name).toList();
        assertThat(exports).containsAll(CoreAbiModule.CORE);
        assertThat(exports.stream().filter(name -> !CoreAbiModule.CORE.contains(name)))
                .containsExactlyInAnyOrderElementsOf(CoreAbiModule.EXTENSIONS);
    }

    @Test
    void aModuleThatExportsNoMemoryIsRefusedWhenBuilt() {
        byte[] withoutMemory = CoreAbiModule.withoutExports(CoreAbiModule.bytes(), java.util.Set.of("memory"));
        assertThatThrownBy(() -> SchemeInterpreter.builder().module(withoutMemory).build())
                .isInstanceOf(dev.wasmjit.bridge.ModuleException.class)
                .hasMessage("the module lacks the guest ABI: no memory exported as memory");
    }

    @Test
    void drivesAModuleWithOnlyTheCoreAbi() {
        try (TestInterpreter t = TestInterpreter.start(b -> b.module(CoreAbiModule.bytes()))) {
            Expression fib = t.scheme.parse(TestInterpreter.FIB_20);
            assertThat(t.scheme.eval(fib)).isEqualTo(SchemeValue.integer(10946));
            assertThat(t.scheme.pendingJitCount().asOptionalInt()).isEmpty();
            assertThat(t.scheme.compiledFunctionCount().asOptionalInt()).isEmpty();
            assertThat(t.scheme.compiledFunctionCount()).as("an absent count says why")
                    .hasToString("unknown (no compiledFunctionCount export)");

            int tableBefore = t.scheme.tableSize();
            t.scheme.link(t.scheme.jit().orElseThrow());
            assertThat(t.scheme.tableSize()).as("a slot for fib").isEqualTo(tableBefore + 1);
            assertThat(t.scheme.eval(fib)).isEqualTo(SchemeValue.integer(10946));
            assertThat(t.scheme.eval(t.scheme.parse("(lambda (x) x)")).kind()).isEqualTo(SchemeValue.Kind.PROCEDURE);

            assertThatThrownBy(() -> t.scheme.eval(t.scheme.parse("(+ y 1)")))
                    .isInstanceOf(GuestError.class).hasMessageContaining("unbound variable: y");
            assertThat(t.scheme.eval(fib)).isEqualTo(SchemeValue.integer(10946));
        }
    }
}
