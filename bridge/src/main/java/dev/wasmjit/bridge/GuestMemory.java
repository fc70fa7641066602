package dev.wasmjit.bridge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The instance's exported linear memory, read and written from Java. Addresses are byte
 * offsets into the memory, as the guest's pointers are. Every access is bounds-checked against
 * the memory's current size and throws {@link IndexOutOfBoundsException} outside it.
 * Allocation goes through the module's own allocator when the instance was built with
 * {@link ReactorInstance.Builder#allocator}.
 */
public final class GuestMemory {

    private final ReactorInstance instance;
    private final String allocateExport;
    private final String freeExport;

    GuestMemory(ReactorInstance instance, String allocateExport, String freeExport) {
        this.instance = instance;
        this.allocateExport = allocateExport;
        this.freeExport = freeExport;
    }

    /**
     * The memory's current size.
     *
     * @return size in bytes
     */
    public long size() {
        return instance.onGuestThread(() -> (long) buffer().capacity());
    }

    /**
     * Copies bytes out of the memory.
     *
     * @param address the first byte's address
     * @param length  how many bytes
     * @return the bytes
     */
    public byte[] read(int address, int length) {
        return instance.onGuestThread(() -> {
            ByteBuffer memory = buffer();
            check(memory, address, length);
            byte[] bytes = new byte[length];
            memory.get(address, bytes);
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
        instance.onGuestThread(() -> {
            ByteBuffer memory = buffer();
            check(memory, address, bytes.length);
            memory.put(address, bytes);
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
        return instance.onGuestThread(() -> {
            ByteBuffer memory = buffer();
            check(memory, address, 4);
            return memory.getInt(address);
        });
    }

    /**
     * Writes a little-endian 32-bit integer.
     *
     * @param address its address
     * @param value   the value
     */
    public void writeI32(int address, int value) {
        instance.onGuestThread(() -> {
            ByteBuffer memory = buffer();
            check(memory, address, 4);
            memory.putInt(address, value);
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
        return instance.onGuestThread(() -> {
            ByteBuffer memory = buffer();
            check(memory, address, 0);
            int end = address;
            while (end < memory.capacity() && memory.get(end) != 0) {
                end++;
            }
            if (end == memory.capacity()) {
                throw new IndexOutOfBoundsException("no NUL terminator after address " + address
                        + " before the end of memory (" + memory.capacity() + " bytes)");
            }
            byte[] bytes = new byte[end - address];
            memory.get(address, bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        });
    }

    /**
     * Allocates a block with the module's allocator. Close the block to free it.
     *
     * @param length bytes to allocate
     * @return the block
     * @throws IllegalStateException if the instance has no allocator, or the allocator
     *                               returned 0
     */
    public GuestBlock allocate(int length) {
        if (allocateExport == null) {
            throw new IllegalStateException("this instance was built without an allocator");
        }
        return instance.exclusive(() -> {
            int address = instance.requireFunction(allocateExport).callI32(length);
            if (address == 0) {
                throw new IllegalStateException("the guest's " + allocateExport + "(" + length + ") returned 0");
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
        return instance.exclusive(() -> {
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
        instance.requireFunction(freeExport).callVoid(address);
    }

    private ByteBuffer buffer() {
        // fetched anew each time: a buffer's capacity is fixed when made, and memory can grow
        return instance.nativeMemory().buffer(instance.store()).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void check(ByteBuffer memory, int address, int length) {
        if (address < 0 || length < 0 || (long) address + length > memory.capacity()) {
            throw new IndexOutOfBoundsException("guest memory access at " + address + " of " + length
                    + " bytes is outside the memory's " + memory.capacity() + " bytes");
        }
    }
}
