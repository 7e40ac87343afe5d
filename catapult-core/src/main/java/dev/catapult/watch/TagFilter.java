package dev.catapult.watch;

import dev.catapult.common.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The filters every policy applies to candidates (SPEC §6): {@code include} must match the whole tag,
 * {@code exclude} must not match anywhere in it, and the candidate must have been first seen at least
 * {@code minAge} ago (supply-chain maturity: a freshly pushed image waits).
 */
public record TagFilter(
        @Nullable Pattern include,
        @Nullable Pattern exclude,
        @Nullable Duration minAge) {
    public static final TagFilter NONE = new TagFilter(null, null, null);

    public TagFilter {
        if (minAge != null && minAge.isNegative()) {
            throw new InvalidInput("watch.minAge", "must not be negative");
        }
    }

    /** Compiles the stored settings. */
    public static TagFilter of(@Nullable String include, @Nullable String exclude, @Nullable Duration minAge) {
        return new TagFilter(compile("watch.include", include), compile("watch.exclude", exclude), minAge);
    }

    private static @Nullable Pattern compile(String field, @Nullable String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidInput(field, "is not a valid regular expression");
        }
    }

    /** Why {@code candidate} is filtered out at {@code now}, or empty when it passes. */
    public Optional<String> rejection(Candidate candidate, Instant now) {
        String tag = candidate.tag();
        if (include != null && !include.matcher(tag).matches()) {
            return Optional.of("does not match include /" + include.pattern() + "/");
        }
        if (exclude != null && exclude.matcher(tag).find()) {
            return Optional.of("matches exclude /" + exclude.pattern() + "/");
        }
        if (minAge != null && candidate.firstSeenAt().isAfter(now.minus(minAge))) {
            Duration age = Duration.between(candidate.firstSeenAt(), now);
            String seen = age.isNegative() ? "first seen after now" : "first seen " + describe(age) + " ago";
            return Optional.of(seen + ", younger than minAge " + describe(minAge));
        }
        return Optional.empty();
    }

    /** {@code 1d2h}, {@code 45m}, {@code 30s}: how people write durations in the settings. */
    static String describe(Duration d) {
        StringBuilder s = new StringBuilder();
        append(s, d.toDays(), "d");
        append(s, d.toHoursPart(), "h");
        append(s, d.toMinutesPart(), "m");
        append(s, d.toSecondsPart(), "s");
        return s.isEmpty() ? d.toMillis() + "ms" : s.toString();
    }

    private static void append(StringBuilder s, long amount, String unit) {
        if (amount > 0) {
            s.append(amount).append(unit);
        }
    }
}
