package dev.wasmjit.nativeconfig;

import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Extern;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.FuncType;
import io.github.kawamuray.wasmtime.Instance;
import io.github.kawamuray.wasmtime.Memory;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.Val;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GuestWasi's {@code fd_write} as a guest calls it: a wasm module, run by wasmtime, that
 * hands its iovecs to the import. What reaches each stream's sink and the line listener, and
 * when; and that {@link GuestWasi#flushPartialLines()} delivers what both streams hold back.
 */
class GuestWasiTest {

    /** write(fd, iovs, count): fd_write with the byte count stored at address 0. */
    private static final String WRITER = """
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") 1)
              (func (export "write") (param $fd i32) (param $iovs i32) (param $count i32) (result i32)
                (call $fd_write (local.get $fd) (local.get $iovs) (local.get $count) (i32.const 0))))
            """;
    private static final int IOVECS = 16;
    private static final int DATA = 1024;
    private static final int ESUCCESS = 0;
    private static final int EBADF = 8;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    /** Each line the listener got, as "fd:text". */
    private final List<String> lines = new ArrayList<>();
    private final GuestWasi wasi = new GuestWasi(stdout, stderr, (fd, line) -> lines.add(fd + ":" + line));

    private final Engine engine = EngineSettings.defaults().newEngine();
    private final Store<Void> store = new Store<>(null, engine);
    private final Module module = new Module(engine, WRITER.getBytes(StandardCharsets.UTF_8));
    private final FuncType fdWriteType = new FuncType(
            new Val.Type[] {Val.Type.I32, Val.Type.I32, Val.Type.I32, Val.Type.I32}, new Val.Type[] {Val.Type.I32});
    private final Func fdWrite = new Func(store, fdWriteType, wasi.handler(store, "fd_write", fdWriteType));
    private final Instance instance = new Instance(store, module, List.of(Extern.fromFunc(fdWrite)));
    private final Func write = instance.getFunc(store, "write").orElseThrow();

    GuestWasiTest() {
        // epoch interruption is on in the presets, and nothing advances the epoch here
        store.setEpochDeadline(1);
    }

    @AfterEach
    void close() {
        write.close();
        instance.close();
        fdWrite.close();
        module.close();
        store.close();
        engine.close();
    }

    /** One fd_write call whose iovecs are {@code pieces}, in order; returns its errno. */
    private int fdWrite(int fd, byte[]... pieces) {
        try (Memory memory = instance.getMemory(store, "memory").orElseThrow()) {
            ByteBuffer bytes = memory.buffer(store).order(ByteOrder.LITTLE_ENDIAN);
            int data = DATA;
            for (int i = 0; i < pieces.length; i++) {
                bytes.putInt(IOVECS + 8 * i, data);
                bytes.putInt(IOVECS + 8 * i + 4, pieces[i].length);
                bytes.put(data, pieces[i]);
                data += pieces[i].length;
            }
            bytes.putInt(0, -1);
            int errno = write.call(store, Val.fromI32(fd), Val.fromI32(IOVECS), Val.fromI32(pieces.length))[0].i32();
            if (errno == ESUCCESS) {
                assertThat(memory.buffer(store).order(ByteOrder.LITTLE_ENDIAN).getInt(0))
                        .as("the byte count fd_write reports").isEqualTo(data - DATA);
            }
            return errno;
        }
    }

    private int fdWrite(int fd, String... pieces) {
        return fdWrite(fd, Arrays.stream(pieces).map(p -> p.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPartialLineWaitsForItsNewlineAndTheFlushDeliversIt() {
        assertThat(fdWrite(1, "no newline yet")).isEqualTo(ESUCCESS);
        assertThat(text(stdout)).isEmpty();
        assertThat(lines).isEmpty();

        fdWrite(1, ", still none");
        wasi.flushPartialLines();
        assertThat(text(stdout)).isEqualTo("no newline yet, still none");
        assertThat(lines).containsExactly("1:no newline yet, still none");

        fdWrite(1, "next\n");
        assertThat(text(stdout)).as("a flushed partial line is not sent again").isEqualTo("no newline yet, still nonenext\n");
        assertThat(lines).containsExactly("1:no newline yet, still none", "1:next");
    }

    @Test
    void theFlushDeliversThePartialLinesOfStdoutAndStderrBoth() {
        fdWrite(1, "out without newline");
        fdWrite(2, "err without newline");
        wasi.flushPartialLines();
        assertThat(text(stdout)).isEqualTo("out without newline");
        assertThat(text(stderr)).isEqualTo("err without newline");
        assertThat(lines).containsExactlyInAnyOrder("1:out without newline", "2:err without newline");

        wasi.flushPartialLines();
        assertThat(lines).as("nothing pending: no empty line").hasSize(2);
    }

    @Test
    void oneLineGatheredFromSplitIovecs() {
        assertThat(fdWrite(1, "hel", "lo, ", "", "wor", "ld\nand the", " next")).isEqualTo(ESUCCESS);
        assertThat(text(stdout)).isEqualTo("hello, world\n");
        assertThat(lines).containsExactly("1:hello, world");

        fdWrite(1, " line", "\n", "\n");
        assertThat(text(stdout)).isEqualTo("hello, world\nand the next line\n\n");
        assertThat(lines).containsExactly("1:hello, world", "1:and the next line", "1:");
    }

    @Test
    void aCharacterSplitAcrossIovecsAndWritesIsDecodedWhole() {
        byte[] text = "é€😀\n".getBytes(StandardCharsets.UTF_8);
        // é is 2 bytes, € 3, 😀 4: cut inside each of them
        fdWrite(1, Arrays.copyOfRange(text, 0, 1), Arrays.copyOfRange(text, 1, 3));
        fdWrite(1, Arrays.copyOfRange(text, 3, 4), Arrays.copyOfRange(text, 4, 7));
        fdWrite(1, Arrays.copyOfRange(text, 7, 8));
        fdWrite(1, Arrays.copyOfRange(text, 8, text.length));
        assertThat(lines).containsExactly("1:é€😀");
        assertThat(stdout.toByteArray()).isEqualTo(text);
    }

    @Test
    void stderrIsAStreamOfItsOwnWithItsOwnPartialLine() {
        fdWrite(1, "out ");
        fdWrite(2, "err ", "line\nerr ");
        fdWrite(1, "line\n");
        fdWrite(2, "tail\n");
        assertThat(text(stdout)).isEqualTo("out line\n");
        assertThat(text(stderr)).isEqualTo("err line\nerr tail\n");
        assertThat(lines).containsExactly("2:err line", "1:out line", "2:err tail");
    }

    @Test
    void aWriteToAnyOtherDescriptorIsBadfAndWritesNothing() {
        assertThat(fdWrite(0, "to stdin\n")).isEqualTo(EBADF);
        assertThat(fdWrite(3, "to a file\n")).isEqualTo(EBADF);
        wasi.flushPartialLines();
        assertThat(stdout.size() + stderr.size()).isZero();
        assertThat(lines).isEmpty();
    }
}
