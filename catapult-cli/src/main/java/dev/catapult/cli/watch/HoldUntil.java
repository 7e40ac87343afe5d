package dev.catapult.cli.watch;

import dev.catapult.cli.CliException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a hold placed with {@code --hold REASON --until T} ends: {@code T} is an ISO-8601 instant
 * ({@code 2025-06-01T08:00:00Z}, an offset is allowed) or a duration from now ({@code 2h}, {@code 1d12h},
 * {@code 90m}, {@code PT2H}).
 */
final class HoldUntil {

  private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

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
      throw CliException.usage(
          "--until: '" + value + "' is neither an ISO-8601 instant (2025-06-01T08:00:00Z) nor a duration (2h, 1d, 90m)");
    }
    return now.plus(duration);
  }

  private static Duration duration(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("p")) {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher matcher = PART.matcher(lower);
    Duration total = Duration.ZERO;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      long amount = Long.parseLong(matcher.group(1));
      total = total.plus(switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      });
      end = matcher.end();
    }
    return end == lower.length() && end > 0 ? total : null;
  }
}
