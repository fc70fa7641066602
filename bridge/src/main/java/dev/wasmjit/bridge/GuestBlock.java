package dev.wasmjit.bridge;

/**
 * A block of guest memory the host allocated with the module's allocator. Closing it frees it
 * exactly once; closing again does nothing.
 */
public final class GuestBlock implements AutoCloseable {

    private final GuestMemory memory;
    private final int address;
    private final int length;
    private boolean freed;

    GuestBlock(GuestMemory memory, int address, int length) {
        this.memory = memory;
        this.address = address;
        this.length = length;
    }

    /**
     * The block's address in guest memory.
     *
     * @return the address
     */
    public int address() {
        return address;
    }

    /**
     * The block's length.
     *
     * @return length in bytes
     */
    public int length() {
        return length;
    }

    /**
     * Whether the block has been freed.
     *
     * @return true once closed
     */
    public boolean isFreed() {
        return freed;
    }

    /** Frees the block through the module's allocator. Idempotent. */
    @Override
    public void close() {
        if (!freed) {
            freed = true;
            memory.free(address);
        }
    }
}
