package dev.wasmjit.bridge;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LateLinkerTest {

    private static final int TRIPLE_SLOT_ADDRESS = 200;
    private static final int PLUS101_SLOT_ADDRESS = 204;

    @Test
    void linksGeneratedCodeIntoTheRunningTable() {
        try (TestReactor r = TestReactor.start()) {
            LinkReport report = r.instance.lateLinker().link(TestReactor.wasm("jit-triple"));

            assertThat(report.tableSizeBefore()).isEqualTo(1);
            assertThat(report.tableSizeAfter()).isEqualTo(2);
            assertThat(report.slotsAdded()).isEqualTo(1);
            assertThat(report.functionCount()).isEqualTo(2);
            assertThat(report.byteCount()).isEqualTo(TestReactor.wasm("jit-triple").length);
            int slot = r.instance.memory().readI32(TRIPLE_SLOT_ADDRESS);
            assertThat(slot).isEqualTo(1);
            assertThat(r.fn("callSlot").callI32(slot, 14)).isEqualTo(42);
        }
    }

    @Test
    void linksSecondRoundAfterFirst() {
        try (TestReactor r = TestReactor.start()) {
            LateLinker linker = r.instance.lateLinker();
            LinkReport first = linker.link(TestReactor.wasm("jit-triple"));
            int firstSlot = r.instance.memory().readI32(TRIPLE_SLOT_ADDRESS);
            LinkReport second = linker.link(TestReactor.wasm("jit-add-host"));
            int secondSlot = r.instance.memory().readI32(PLUS101_SLOT_ADDRESS);

            assertThat(first.namespace()).isEqualTo("jit-1");
            assertThat(second.namespace()).isEqualTo("jit-2");
            assertThat(second.tableSizeBefore()).isEqualTo(first.tableSizeAfter());
            assertThat(secondSlot).isEqualTo(firstSlot + 1);
            assertThat(linker.rounds()).isEqualTo(2);
            assertThat(r.fn("callSlot").callI32(firstSlot, 5)).isEqualTo(15);
            assertThat(r.fn("callSlot").callI32(secondSlot, 5)).isEqualTo(106);
        }
    }

    @Test
    void linksTheSameModuleAgainIntoNewSlots() {
        try (TestReactor r = TestReactor.start()) {
            for (int round = 1; round <= 3; round++) {
                LinkReport report = r.instance.lateLinker().link(TestReactor.wasm("jit-triple"));
                assertThat(report.tableSizeAfter()).isEqualTo(1 + round);
            }
            assertThat(r.fn("callSlot").callI32(3, 7)).isEqualTo(21);
        }
    }

    @Test
    void refusesBytesThatAreNotAModule() {
        try (TestReactor r = TestReactor.start()) {
            assertThatThrownBy(() -> r.instance.lateLinker().link("(module)".getBytes()))
                    .isInstanceOf(LinkException.class).hasMessageContaining("\\0asm");
            byte[] truncated = java.util.Arrays.copyOf(TestReactor.wasm("jit-triple"), 40);
            assertThatThrownBy(() -> r.instance.lateLinker().link(truncated))
                    .isInstanceOf(LinkException.class);
            assertThat(r.instance.tableSize()).isEqualTo(1);
        }
    }

    @Test
    void aTrappingPatchIsALinkErrorAndEarlierLinksKeepWorking() {
        try (TestReactor r = TestReactor.start()) {
            r.instance.lateLinker().link(TestReactor.wasm("jit-triple"));
            assertThatThrownBy(() -> r.instance.lateLinker().link(TestReactor.wasm("jit-trapping-patch")))
                    .isInstanceOf(LinkException.class)
                    .hasMessageContaining("start function")
                    .hasCauseInstanceOf(GuestTrap.class);
            assertThat(r.fn("callSlot").callI32(1, 3)).isEqualTo(9);
            assertThat(r.instance.lateLinker().link(TestReactor.wasm("jit-triple")).namespace()).isEqualTo("jit-2");
        }
    }

    @Test
    void aPatchGrowingTheTableByTwoBillionSlotsGetsMinusOneAtOnceAndTheTableStaysAsItWas() {
        try (TestReactor r = TestReactor.start()) {
            long start = System.nanoTime();
            r.instance.lateLinker().link(TestReactor.wasm("jit-huge-table-grow"));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the link").isLessThan(Duration.ofSeconds(2));
            assertThat(r.instance.memory().readI32(TRIPLE_SLOT_ADDRESS)).as("what table.grow gave").isEqualTo(-1);
            assertThat(r.instance.tableSize()).isEqualTo(1);
            assertThat(r.instance.lateLinker().link(TestReactor.wasm("jit-triple")).tableSizeAfter()).isEqualTo(2);
        }
    }

    @Test
    void aModuleWhoseTableStartsAboveTheCeilingIsRefused() {
        assertThatThrownBy(() -> WasmEngine.shared().compile(TestReactor.wasm("huge-table")))
                .isInstanceOf(ModuleException.class)
                .hasMessage("table 0 declares at least 2000000 slots, more than this host's limit of 1048576");
    }

    @Test
    void aPatchThatTrapsIsReportedInOneLineNamingTheInnermostFrame() {
        try (TestReactor r = TestReactor.start()) {
            assertThatThrownBy(() -> r.instance.lateLinker().link(TestReactor.wasm("jit-trapping-patch")))
                    .isInstanceOf(LinkException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("<wasm function"));
        }
    }
}
