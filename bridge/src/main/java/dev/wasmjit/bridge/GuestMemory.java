package dev.wasmjit.bridge;

import dev.wasmjit.nativeconfig.MemoryWindows;
import io.github.kawamuray.wasmtime.Memory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The instance's exported linear memory, read and written from Java. Addresses are byte
 * offsets into the memory, unsigned as the guest's pointers are (an {@code int} address above
 * 2 GiB is negative in Java and still means that address), and every wasm32 memory size up to
 * 4 GiB works. Every access is bounds-checked against the memory's current size and throws
 * {@link IndexOutOfBoundsException} outside it.
 * Allocation goes through the module's own allocator when the instance was built with
 * {@link ReactorInstance.Builder#allocator}.
 */
public final class GuestMemory {

    private final GuestStore store;
    private final MemoryWindows windows;
    private final Exports exports;
    private final String allocateExport;
    private final String freeExport;
    private Memory memory;

    /**
     * @param windows        the windows onto the memory, shared with the instance's WASI
     * @param exports        where the allocator's exports are found
     * @param allocateExport the allocating export, or null for none
     * @param freeExport     the freeing export, or null for none
     */
    GuestMemory(GuestStore store, MemoryWindows windows, Exports exports, String allocateExport, String freeExport) {
        this.store = store;
        this.windows = windows;
        this.exports = exports;
        this.allocateExport = allocateExport;
        this.freeExport = freeExport;
    }

    /**
     * Gives the handle the module's memory once the module is instantiated: host functions
     * get the handle before, to hold it weakly from the start. Inside {@link GuestStore#run}.
     *
     * @param exported the exported memory, or empty when the module exports none
     * @throws ModuleException if the memory cannot be hosted
     */
    void attach(Optional<Memory> exported) {
        if (exported.isEmpty()) {
            return;
        }
        try {
            // notes the memory's base while it is small enough for one buffer (see MemoryWindows)
            windows.window(store.wasmtime(), exported.get(), 0, 0);
        } catch (IllegalStateException e) {
            throw new ModuleException("cannot host the module's memory: " + e.getMessage(), e);
        }
        this.memory = exported.get();
    }

    /** Whether the module exports a memory this handle reads and writes. */
    boolean isAttached() {
        return memory != null;
    }

    /**
     * The memory's current size.
     *
     * @return size in bytes, up to 4 GiB
     */
    public long size() {
        return store.run(() -> windows.size(store.wasmtime(), memory));
    }

    /**
     * Copies bytes out of the memory.
     *
     * @param address the first byte's address
     * @param length  how many bytes
     * @return the bytes
     * @throws IllegalArgumentException  if the length is negative
     * @throws IndexOutOfBoundsException if the bytes are not all inside the memory (checked
     *                                   before anything is allocated)
     */
    public byte[] read(int address, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("cannot read a negative number of bytes: " + length);
        }
        return store.run(() -> {
            java.nio.ByteBuffer window = window(address, length);
            byte[] bytes = new byte[length];
            window.get(0, bytes);
            return bytes;
        });
    }

    /**
     * Copies bytes into the memory.
     *
     * @param address the first byte's address
     * @param bytes   the bytes
     */
    public void write(int address, byte[] bytes) {
        store.run(() -> {
            window(address, bytes.length).put(0, bytes);
            return null;
        });
    }

    /**
     * Reads a little-endian 32-bit integer.
     *
     * @param address its address
     * @return the value
     */
    public int readI32(int address) {
        return store.run(() -> window(address, 4).getInt(0));
    }

    /**
     * Writes a little-endian 32-bit integer.
     *
     * @param address its address
     * @param value   the value
     */
    public void writeI32(int address, int value) {
        store.run(() -> {
            window(address, 4).putInt(0, value);
            return null;
        });
    }

    /**
     * Reads a NUL-terminated UTF-8 string.
     *
     * @param address the first byte's address
     * @return the text before the NUL
     * @throws IndexOutOfBoundsException if no NUL comes before the end of memory
     */
    public String readCString(int address) {
        return store.run(() -> {
            long start = Integer.toUnsignedLong(address);
            long size = windows.size(store.wasmtime(), memory);
            ByteBuffer rest = window(address, Math.min(Math.max(size - start, 0), Integer.MAX_VALUE));
            int end = 0;
            while (end < rest.limit() && rest.get(end) != 0) {
                end++;
            }
            if (end == rest.limit()) {
                throw new IndexOutOfBoundsException("no NUL terminator after address " + start
                        + " before the end of memory (" + size + " bytes)");
            }
            byte[] bytes = new byte[end];
            rest.get(0, bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        });
    }

    /**
     * Allocates a block with the module's allocator. Close the block to free it.
     *
     * @param length bytes to allocate
     * @return the block
     * @throws IllegalStateException if the instance has no allocator, or the allocator
     *                               returned 0 or a block that does not fit in memory
     */
    public GuestBlock allocate(int length) {
        if (allocateExport == null) {
            throw new IllegalStateException("this instance was built without an allocator");
        }
        return store.run(() -> {
            int address = export(allocateExport).callI32(length);
            if (address == 0) {
                throw new IllegalStateException("the guest's " + allocateExport + "(" + length + ") returned 0");
            }
            if (Integer.toUnsignedLong(address) + length > size()) {
                throw new IllegalStateException("the guest's " + allocateExport + "(" + length + ") returned 0x"
                        + Integer.toHexString(address) + ", outside its memory of " + size() + " bytes");
            }
            return new GuestBlock(this, address, length);
        });
    }

    /**
     * Allocates a NUL-terminated UTF-8 copy of a string. Close the block to free it.
     *
     * @param text the string
     * @return the block holding the bytes and the NUL
     */
    public GuestBlock allocateCString(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] terminated = java.util.Arrays.copyOf(utf8, utf8.length + 1);
        return store.run(() -> {
            GuestBlock block = allocate(terminated.length);
            try {
                write(block.address(), terminated);
            } catch (RuntimeException e) {
                block.close();
                throw e;
            }
            return block;
        });
    }

    void free(int address) {
        export(freeExport).callVoid(address);
    }

    private GuestFunction export(String name) {
        return exports.function(name).orElseThrow(() -> new IllegalStateException(
                "the module exports no function named \"" + name + "\""));
    }

    /**
     * A window onto guest memory at a guest pointer, read as unsigned like the guest's own
     * pointers, so addresses above 2 GiB (negative as a Java int) work.
     */
    private ByteBuffer window(int address, long length) {
        if (length < 0) {
            throw new IndexOutOfBoundsException("negative length " + length + " at guest address "
                    + Integer.toUnsignedLong(address));
        }
        return windows.window(store.wasmtime(), memory, Integer.toUnsignedLong(address), length);
    }
}
