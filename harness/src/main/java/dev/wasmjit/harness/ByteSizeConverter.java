package dev.wasmjit.harness;

import picocli.CommandLine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a size in bytes: a whole number, optionally with {@code k} (KiB), {@code m} (MiB) or
 * {@code g} (GiB), in either case, so {@code 1048576} and {@code 1m} are the same. It must be
 * positive and fit an {@code int}: below 2 GiB. {@link #bytes} reads larger sizes for the
 * options that take them ({@code --max-heap}).
 */
public final class ByteSizeConverter implements CommandLine.ITypeConverter<Integer> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})([kKmMgG]?)");

    /**
     * Parses the text.
     *
     * @param text for example {@code 1048576}, {@code 512k} or {@code 1m}
     * @return the size in bytes, positive
     * @throws CommandLine.TypeConversionException if the text is not such a size
     */
    @Override
    public Integer convert(String text) {
        long bytes = bytes(text);
        if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is out of range: between 1 byte and 2 GiB - 1");
        }
        return (int) bytes;
    }

    /**
     * Parses a size of any magnitude, unchecked for range.
     *
     * @param text for example {@code 1048576}, {@code 512k}, {@code 1m} or {@code 2g}
     * @return the size in bytes
     * @throws CommandLine.TypeConversionException if the text is not a size
     */
    static long bytes(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not a size in bytes; write for example 1048576, 512k, 1m or 2g");
        }
        return Long.parseLong(m.group(1)) * switch (m.group(2).toLowerCase()) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            default -> 1L;
        };
    }
}
