package dev.wasmjit.harness;

import picocli.CommandLine;

/**
 * Reads {@code --heap-size}: a size as {@link ByteSizeConverter} reads it, of at least
 * {@link #MIN_HEAP_BYTES}. Every value the command line refuses is refused here, as a usage
 * error, before anything runs: below that floor the guest's collector has no room to work
 * with, so the guest itself would refuse it (the bundled guest's own floor is 512 bytes), and
 * at or above it whether a program fits is a question only running it can answer.
 */
public final class HeapSizeConverter implements CommandLine.ITypeConverter<Integer> {

    /** The smallest heap the command line accepts: 4 KiB. */
    public static final int MIN_HEAP_BYTES = 4 << 10;

    private final ByteSizeConverter sizes = new ByteSizeConverter();

    /**
     * Parses the text.
     *
     * @param text for example {@code 1048576} or {@code 1m}
     * @return the size in bytes, at least {@link #MIN_HEAP_BYTES}
     * @throws CommandLine.TypeConversionException if the text is not such a size or is below the floor
     */
    @Override
    public Integer convert(String text) {
        int bytes = sizes.convert(text);
        if (bytes < MIN_HEAP_BYTES) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is too small: a heap is at least 4k (" + MIN_HEAP_BYTES + " bytes)");
        }
        return bytes;
    }
}
