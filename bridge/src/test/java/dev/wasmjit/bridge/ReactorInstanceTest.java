package dev.wasmjit.bridge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReactorInstanceTest {

    @Test
    void instantiatesAReactorAndCallsInitializeOnce() {
        try (TestReactor r = TestReactor.start()) {
            assertThat(r.instance.global("initialized").orElseThrow().get()).isEqualTo(1);
            assertThat(r.fn("add").callI32(40, 2)).isEqualTo(42);
        }
    }

    @Test
    void typedHandlesKnowTheirSignatureAndRefuseWrongArguments() {
        try (TestReactor r = TestReactor.start()) {
            GuestFunction add = r.fn("add");
            assertThat(add.signature()).isEqualTo(FuncSignature.i32(2, 1));
            assertThat(add.call(1, 2)).containsExactly(3);
            assertThatThrownBy(() -> add.callI32(1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("(i32, i32) -> (i32)");
            assertThatThrownBy(() -> add.callVoid(1, 2)).isInstanceOf(IllegalArgumentException.class);
            assertThat(r.instance.function("noSuchExport")).isEmpty();
            assertThat(r.instance.function("add", FuncSignature.i32(1, 1))).isEmpty();
        }
    }

    @Test
    void callsAHostFunctionTheGuestImports() {
        try (TestReactor r = TestReactor.start()) {
            assertThat(r.fn("useHost").callI32(20, 22)).isEqualTo(42);
        }
    }

    @Test
    void readsAndWritesGuestMemory() {
        try (TestReactor r = TestReactor.start()) {
            GuestMemory memory = r.instance.memory();
            assertThat(memory.size()).isEqualTo(2 * 65536);
            assertThat(memory.readCString(1024)).isEqualTo("hello from the guest\n");
            memory.write(5000, new byte[]{1, 2, 3});
            assertThat(memory.read(5000, 3)).containsExactly(1, 2, 3);
            memory.writeI32(6000, 0x12345678);
            assertThat(memory.readI32(6000)).isEqualTo(0x12345678);
            assertThat(memory.read(6000, 1)).containsExactly(0x78);
            assertThatThrownBy(() -> memory.read(2 * 65536 - 2, 4))
                    .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("131072");
        }
    }

    @Test
    void allocatesThroughTheGuestAllocatorAndFreesExactlyOnce() {
        try (TestReactor r = TestReactor.start()) {
            GuestGlobal frees = r.instance.global("frees").orElseThrow();
            GuestBlock block = r.instance.memory().allocateCString("héllo");
            assertThat(r.instance.memory().readCString(block.address())).isEqualTo("héllo");
            assertThat(block.length()).isEqualTo(7);
            block.close();
            block.close();
            assertThat(frees.get()).isEqualTo(1);
        }
    }

    @Test
    void readsAndSetsExportedGlobals() {
        try (TestReactor r = TestReactor.start()) {
            GuestGlobal frees = r.instance.global("frees").orElseThrow();
            assertThat(frees.isMutable()).isTrue();
            frees.set(7);
            assertThat(frees.get()).isEqualTo(7);
            assertThat(r.instance.global("add")).isEmpty();
        }
    }

    @Test
    void reportsTheTableSize() {
        try (TestReactor r = TestReactor.start()) {
            assertThat(r.instance.tableSize()).isEqualTo(1);
        }
    }

    @Test
    void exclusiveRunsSeveralCallsAsOneUnit() {
        try (TestReactor r = TestReactor.start()) {
            List<Integer> sums = r.instance.exclusive(() -> List.of(r.fn("add").callI32(1, 1), r.fn("add").callI32(2, 2)));
            assertThat(sums).containsExactly(2, 4);
        }
    }

    @Test
    void closingTwiceIsHarmlessAndUseAfterCloseIsAClearError() {
        TestReactor r = TestReactor.start();
        GuestFunction add = r.fn("add");
        r.close();
        r.close();
        assertThat(r.instance.isClosed()).isTrue();
        assertThatThrownBy(() -> add.callI32(1, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> r.instance.memory()).isInstanceOf(IllegalStateException.class);
    }
}
