package dev.catapult.cli.deploy;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses durations the way people write them on a command line: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 90}. */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** {@code 90} (seconds), {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}, or ISO-8601 ({@code PT2H}). */
    public static Duration parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        if (text.startsWith("p")) {
            try {
                Duration iso = Duration.parse(value.strip());
                if (!iso.isZero() && !iso.isNegative()) {
                    return iso;
                }
            } catch (java.time.format.DateTimeParseException e) {
                // reported below like any other malformed duration
            }
            throw new TypeConversionException("invalid duration '" + value + "' (expected e.g. 30s, 5m, 1h30m, PT2H)");
        }
        Matcher matcher = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(
                    switch (matcher.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        default -> Duration.ofDays(amount);
                    });
            end = matcher.end();
        }
        if (end != text.length() || text.isEmpty() || total.isZero()) {
            throw new TypeConversionException("invalid duration '" + value + "' (expected e.g. 30s, 5m, 1h30m)");
        }
        return total;
    }
}
