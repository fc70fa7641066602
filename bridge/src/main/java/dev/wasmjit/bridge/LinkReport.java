package dev.wasmjit.bridge;

/**
 * What one late link added to an instance.
 *
 * @param namespace        the linker name the generated module was instantiated under
 * @param byteCount        the generated module's size in bytes
 * @param functionCount    functions the generated module defines
 * @param tableSizeBefore  slots in the main table before the link
 * @param tableSizeAfter   slots after it, once the start function (the patch) ran
 */
public record LinkReport(String namespace, int byteCount, int functionCount, int tableSizeBefore,
                         int tableSizeAfter) {

    /**
     * How many table slots the patch added.
     *
     * @return {@code tableSizeAfter - tableSizeBefore}
     */
    public int slotsAdded() {
        return tableSizeAfter - tableSizeBefore;
    }

    /** For example: {@code linked jit-1: 412 bytes, 2 functions, table 37 -> 39}. */
    @Override
    public String toString() {
        return "linked " + namespace + ": " + byteCount + " bytes, " + functionCount + " functions, table "
                + tableSizeBefore + " -> " + tableSizeAfter;
    }
}
