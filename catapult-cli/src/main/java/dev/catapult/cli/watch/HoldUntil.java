package dev.catapult.cli.watch;

import dev.catapult.cli.CliException;
import dev.catapult.cli.deploy.DurationConverter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * When a hold placed with {@code --hold REASON --until T} ends: {@code T} is an ISO-8601 instant
 * ({@code 2025-06-01T08:00:00Z}, an offset is allowed) or a duration from now ({@code 2h}, {@code 1d12h},
 * {@code 90m}, {@code PT2H}).
 */
final class HoldUntil {
    private HoldUntil() {}

    static Instant parse(String value, Instant now) {
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            // a duration then
        }
        Duration duration = duration(text);
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw CliException.usage("--until: '" + value
                    + "' is neither an ISO-8601 instant (2025-06-01T08:00:00Z) nor a duration (2h, 1d, 90m)");
        }
        return now.plus(duration);
    }

    /** A duration in the CLI's one format (see {@link DurationConverter#parse}), or null if it is not one. */
    private static @Nullable Duration duration(String text) {
        if (text.matches("\\d+")) {
            return null; // a bare number is no point in time
        }
        try {
            return DurationConverter.parse(text);
        } catch (CommandLine.TypeConversionException e) {
            return null;
        }
    }
}
