package dev.catapult.common;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations people write in settings: {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601. */
public final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private Durations() {}

    /** Parses {@code text} for {@code field}, rejecting zero, negative and unparsable values. */
    public static Duration parse(String field, String text) {
        Duration d;
        Matcher m = SIMPLE.matcher(text.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidInput(field, "'" + text + "' is not a duration (use e.g. 90s, 5m, 2h or PT5M)");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new InvalidInput(field, "must be a positive duration");
        }
        return d;
    }
}
