package dev.wasmjit.staticlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmjit.wasm.ModuleReader;
import dev.wasmjit.wasm.ModuleSections;
import dev.wasmjit.wasm.WasmFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Static linking of WAT test modules shaped like the guest, run on wasmtime through the bridge:
 * the live instance is warmed up, JIT-linked and snapshotted; the linked module must carry on
 * from there alone. (CI runs the real guest's linked modules under Node too:
 * scripts/cross-runtime-check.)
 */
class StaticLinkerTest {
    private static final byte[] MAIN = Fixtures.wasm("counter");
    private static final byte[] JIT_SQUARE = Fixtures.wasm("jit-square");
    private static final byte[] JIT_CUBE = Fixtures.wasm("jit-cube");

    /** A live instance that has initialised, allocated, grown memory, run square and linked its JIT module. */
    private static TestInstance warmedUp(byte[] instrumented) {
        return TestInstance.of(instrumented)
                .invoke("square", 6).invoke("allocate", 1234).invoke("growMemory")
                .link(JIT_SQUARE).invoke("square", 7).invoke("lastPath")
                .invoke("heapTop").invoke("calls").invoke("stackPointer").invoke("ratioBits")
                .invoke("memoryPages").invoke("tableSize").invoke("load", 600).run();
    }

    private static byte[] link(byte[] main, List<byte[]> generated, java.util.function.Function<byte[], TestInstance> live) {
        InstrumentedModule instrumented = StaticLinker.instrument(main);
        return StaticLinker.link(main, instrumented, live.apply(instrumented.bytes()), generated);
    }

    @Test
    void instrumentedModuleExportsEveryGlobalAndTheTableSize() {
        InstrumentedModule instrumented = StaticLinker.instrument(MAIN);
        Validator.assertValid(instrumented.bytes());
        TestInstance live = warmedUp(instrumented.bytes());
        assertThat(instrumented.probes()).extracting(InstrumentedModule.GlobalProbe::globalIndex)
                .containsExactly(0, 1, 2, 3, 4);
        assertThat(live.call("__wasmjit_global_0")).isEqualTo(Long.parseLong(live.result("stackPointer")));
        assertThat(live.call("__wasmjit_global_1")).isEqualTo(Long.parseLong(live.result("heapTop")));
        assertThat(live.call("__wasmjit_global_2")).isEqualTo(Long.parseLong(live.result("calls")));
        assertThat(live.call("__wasmjit_global_3")).isEqualTo(Long.parseLong(live.result("ratioBits")));
        assertThat(live.call(InstrumentedModule.TABLE_SIZE_EXPORT)).isEqualTo(4);
    }

    @Test
    void patchReplayFindsTheSlotsTheLiveInstanceGaveTheGeneratedFunctions() {
        TableSlots slots = PatchReplay.replayEndingAt(List.of(ModuleReader.read(JIT_SQUARE)), 4).get(0);
        assertThat(slots.sizeBefore()).isEqualTo(2);
        assertThat(slots.sizeAfter()).isEqualTo(4);
        // Function 1 is the import env.helper; the patch puts square (2) at 2 and unused (1+0) at 3.
        assertThat(slots.functionAtSlot()).containsOnlyKeys(2, 3).containsEntry(2, 2).containsEntry(3, 1);
    }

    @Test
    void aGrowPastTheBridgesTableCeilingIsReplayedAsTheFailureItWasAndAtOnce() {
        long start = System.nanoTime();
        TableSlots slots = PatchReplay.replay(ModuleReader.read(Fixtures.wasm("jit-huge-table-grow")), 4);

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(2));
        assertThat(slots.sizeAfter()).isEqualTo(4);
        assertThat(slots.functionAtSlot()).isEmpty();
    }

    @Test
    void linkedModulePassesValidation() {
        Validator.assertValid(link(MAIN, List.of(JIT_SQUARE), StaticLinkerTest::warmedUp));
    }

    @Test
    void linkedModuleRunsCompiledCodeWithoutAnyJitRound() {
        byte[] linked = link(MAIN, List.of(JIT_SQUARE), StaticLinkerTest::warmedUp);
        TestInstance standalone = TestInstance.of(linked)
                .invoke("_initialize").invoke("square", 9).invoke("lastPath").run();
        assertThat(standalone.result("square")).isEqualTo("81");
        assertThat(standalone.result("lastPath")).isEqualTo("2");
    }

    @Test
    void linkedModuleStartsWithTheLiveInstancesState() {
        InstrumentedModule instrumented = StaticLinker.instrument(MAIN);
        TestInstance live = warmedUp(instrumented.bytes());
        byte[] linked = StaticLinker.link(MAIN, instrumented, live, List.of(JIT_SQUARE));
        TestInstance standalone = TestInstance.of(linked).invoke("_initialize").invoke("constructed")
                .invoke("heapTop").invoke("calls").invoke("stackPointer").invoke("ratioBits")
                .invoke("memoryPages").invoke("tableSize").invoke("load", 600).invoke("load", 1024).run();
        for (String export : new String[] {"heapTop", "calls", "stackPointer", "ratioBits", "memoryPages",
                "tableSize"}) {
            assertThat(standalone.result(export)).as(export).isEqualTo(live.result(export));
        }
        assertThat(standalone.result("load", 0)).as("what the patch's memory.init wrote").isEqualTo(live.result("load"));
        assertThat(standalone.result("memoryPages")).isEqualTo("3");
        assertThat(standalone.result("load", 1)).as("the value allocated before the snapshot").isEqualTo("1234");
        assertThat(standalone.result("constructed")).as("constructors ran once, before the snapshot").isEqualTo("1");
    }

    @Test
    void linkedModuleKeepsTheHostImportsAndOtherExports() {
        ModuleSections linked = ModuleReader.read(link(MAIN, List.of(JIT_SQUARE), StaticLinkerTest::warmedUp));
        ModuleSections main = ModuleReader.read(MAIN);
        assertThat(linked.imports).isEqualTo(main.imports);
        assertThat(linked.exports).extracting(ModuleSections.ExportEntry::name)
                .containsExactlyElementsOf(main.exports.stream().map(ModuleSections.ExportEntry::name).toList());
        assertThat(linked.start).isEqualTo(-1);
    }

    @Test
    void linksSecondJitRoundAfterFirst() {
        byte[] firstGeneration = link(MAIN, List.of(JIT_SQUARE), StaticLinkerTest::warmedUp);
        byte[] secondGeneration = link(firstGeneration, List.of(JIT_CUBE), instrumented -> TestInstance.of(instrumented)
                .invoke("cube", 3).invoke("lastPath").link(JIT_CUBE).run());
        Validator.assertValid(secondGeneration);
        TestInstance standalone = TestInstance.of(secondGeneration).invoke("_initialize")
                .invoke("cube", 4).invoke("lastPath").invoke("square", 5).invoke("lastPath").invoke("tableSize").run();
        assertThat(standalone.result("cube")).isEqualTo("64");
        assertThat(standalone.result("lastPath", 0)).as("cube ran compiled").isEqualTo("2");
        assertThat(standalone.result("square")).isEqualTo("25");
        assertThat(standalone.result("lastPath", 1)).as("square ran compiled").isEqualTo("2");
        assertThat(standalone.result("tableSize")).isEqualTo("5");
    }

    @Test
    void linksTwoRoundsLinkedDynamicallyBeforeOneSnapshot() {
        byte[] linked = link(MAIN, List.of(JIT_SQUARE, JIT_CUBE), instrumented -> TestInstance.of(instrumented)
                .link(JIT_SQUARE).link(JIT_CUBE).run());
        Validator.assertValid(linked);
        TestInstance standalone = TestInstance.of(linked).invoke("cube", 2).invoke("lastPath").run();
        assertThat(standalone.result("cube")).isEqualTo("8");
        assertThat(standalone.result("lastPath")).isEqualTo("2");
    }

    @Test
    void refusesToInstrumentAModuleTwice() {
        byte[] instrumented = StaticLinker.instrument(MAIN).bytes();
        assertThatThrownBy(() -> StaticLinker.instrument(instrumented))
                .isInstanceOf(WasmFormatException.class)
                .hasMessageContaining("already instrumented");
    }

    @Test
    void refusesAPatchItCannotReplaySayingWhy() {
        byte[] branching = Fixtures.wasm("jit-branching-patch");
        assertThatThrownBy(() -> PatchReplay.replay(ModuleReader.read(branching), 2))
                .isInstanceOf(WasmFormatException.class)
                .hasMessageContaining("start function 1 of the generated module: i32.load at offset 2 cannot be replayed");
    }
}
