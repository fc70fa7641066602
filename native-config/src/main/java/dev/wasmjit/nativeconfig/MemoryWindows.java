package dev.wasmjit.nativeconfig;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.github.kawamuray.wasmtime.Memory;
import io.github.kawamuray.wasmtime.Store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Little-endian {@link ByteBuffer} windows onto one instance's exported linear memory, for
 * every wasm32 memory size up to 4 GiB.
 *
 * <p>wasmtime-java 0.19.0's {@link Memory#buffer} makes one buffer of the whole memory, and
 * on Java 17 a direct buffer's capacity is an {@code int}: above 2 GiB the JVM throws
 * "capacity &lt; 0" (at 4 GiB it silently makes an empty buffer). So the whole-memory buffer is
 * used only while the memory is at most {@link Integer#MAX_VALUE} bytes, and each time it is,
 * the memory's base address is noted; above that, a window is made at base + address with a
 * length that fits an {@code int}. The base cannot go stale: {@link EngineSettings#newEngine}
 * makes every wasm32 memory static (reserved whole when it is made, never moved).
 *
 * <p>Every window is checked against the memory's current size (a {@code long}) first: an
 * access outside the memory is an {@link IndexOutOfBoundsException}, never a native read.
 * One object per instance; not thread-safe (an instance serves one thread at a time).
 */
public final class MemoryWindows {

    /** The largest wasm32 memory: 65536 pages of 64 KiB, 4 GiB. */
    public static final long WASM32_MAX_BYTES = 1L << 32;

    private long base;

    /**
     * The memory's current size.
     *
     * @param store  the instance's store
     * @param memory the instance's memory
     * @param <T>    the store's data type
     * @return its size in bytes, up to 4 GiB
     */
    public <T> long size(Store<T> store, Memory memory) {
        return memory.dataSize(store);
    }

    /**
     * A window onto {@code length} bytes at {@code address}: index 0 of the buffer is the byte
     * at {@code address}. Reads and writes go straight to guest memory. Use it at once: a window
     * stays valid only while the memory exists.
     *
     * @param store   the instance's store
     * @param memory  the instance's memory
     * @param address the first byte's address, unsigned as the guest's pointers are
     * @param length  how many bytes, at most {@link Integer#MAX_VALUE}
     * @param <T>     the store's data type
     * @return the window, little-endian
     * @throws IndexOutOfBoundsException if the bytes are not all inside the memory
     * @throws IllegalStateException     if the memory was above 2 GiB before its base could be
     *                                   noted (a module whose memory starts that large)
     */
    public <T> ByteBuffer window(Store<T> store, Memory memory, long address, long length) {
        long size = memory.dataSize(store);
        if (address < 0 || length < 0 || length > Integer.MAX_VALUE || address + length > size) {
            throw new IndexOutOfBoundsException("guest memory access at " + address + " of " + length
                    + " bytes is outside the memory's " + size + " bytes");
        }
        if (size <= Integer.MAX_VALUE) {
            ByteBuffer whole = memory.buffer(store);
            base = Pointer.nativeValue(Native.getDirectBufferPointer(whole));
            return whole.slice((int) address, (int) length).order(ByteOrder.LITTLE_ENDIAN);
        }
        if (base == 0) {
            throw new IllegalStateException("guest memory of " + size + " bytes was larger than 2 GiB before the"
                    + " host first used it; this host supports memories that start at 2 GiB or less");
        }
        if (length == 0) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        return new Pointer(base + address).getByteBuffer(0, length).order(ByteOrder.LITTLE_ENDIAN);
    }
}
