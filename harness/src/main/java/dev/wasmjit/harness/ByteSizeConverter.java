package dev.wasmjit.harness;

import picocli.CommandLine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a size in bytes: a whole number, optionally with {@code k} (KiB) or {@code m} (MiB),
 * so {@code 1048576} and {@code 1m} are the same. It must be positive and fit the guest's
 * 32-bit address space.
 */
public final class ByteSizeConverter implements CommandLine.ITypeConverter<Integer> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,10})([kKmM]?)");

    /**
     * Parses the text.
     *
     * @param text for example {@code 1048576} or {@code 1m}
     * @return the size in bytes, positive
     * @throws CommandLine.TypeConversionException if the text is not such a size
     */
    @Override
    public Integer convert(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not a size in bytes; write for example 1048576, 512k or 1m");
        }
        long bytes = Long.parseLong(m.group(1)) * switch (m.group(2).toLowerCase()) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            default -> 1L;
        };
        if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is out of range: between 1 byte and 2 GiB - 1");
        }
        return (int) bytes;
    }
}
