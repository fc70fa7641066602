package dev.wasmjit.harness;

import picocli.CommandLine;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration as a user types one: a whole number and a unit, {@code 500ms}, {@code 2s},
 * {@code 1m}. Picocli turns the exception into a usage error naming the option.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    /**
     * Parses the text.
     *
     * @param text for example {@code 2s}
     * @return the positive duration
     * @throws CommandLine.TypeConversionException if the text is not a positive duration
     */
    @Override
    public Duration convert(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not a duration; write a number and a unit: 500ms, 2s, 1m or 1h");
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (duration.isZero()) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a positive duration");
        }
        return duration;
    }

    /**
     * Writes a duration the way this converter reads one.
     *
     * @param duration a duration
     * @return for example {@code 500ms} or {@code 2s}
     */
    public static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
