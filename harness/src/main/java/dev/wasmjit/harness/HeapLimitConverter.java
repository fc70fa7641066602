package dev.wasmjit.harness;

import dev.wasmjit.scheme.InterpreterSettings;
import picocli.CommandLine;

/**
 * Reads {@code --max-heap}: a size as {@link ByteSizeConverter} reads it ({@code 2g} included),
 * from 0 up to {@link InterpreterSettings#LARGEST_HEAP_LIMIT}, all a 32-bit guest addresses;
 * {@code 4g} means that largest limit.
 */
public final class HeapLimitConverter implements CommandLine.ITypeConverter<Long> {

    /**
     * Parses the text.
     *
     * @param text for example {@code 256m} or {@code 2g}
     * @return the limit in bytes
     * @throws CommandLine.TypeConversionException if the text is not such a size or is above 4 GiB
     */
    @Override
    public Long convert(String text) {
        long bytes = ByteSizeConverter.bytes(text);
        if (bytes == 4L << 30) {
            return InterpreterSettings.LARGEST_HEAP_LIMIT;
        }
        if (bytes > InterpreterSettings.LARGEST_HEAP_LIMIT) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is out of range: a heap limit is at most 4g, all a 32-bit guest addresses");
        }
        return bytes;
    }
}
