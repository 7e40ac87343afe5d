package dev.catapult.release;

import dev.catapult.common.InvalidInput;
import java.util.Locale;
import java.util.regex.Pattern;

/** A full git commit id: 40 hex digits, kept in lower case. */
public record CommitSha(String value) {
    private static final Pattern VALID = Pattern.compile("^[0-9a-f]{40}$");

    public CommitSha {
        value = value == null ? null : value.toLowerCase(Locale.ROOT);
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidInput("commit", "must be a full 40-hex-digit commit id (got '" + value + "')");
        }
    }

    /** Parses a sha for {@code field} (so errors name the right field). */
    public static CommitSha of(String field, String text) {
        if (text == null || !VALID.matcher(text.toLowerCase(Locale.ROOT)).matches()) {
            throw new InvalidInput(field, "must be a full 40-hex-digit commit id (got '" + text + "')");
        }
        return new CommitSha(text);
    }

    public String shortSha() {
        return value.substring(0, 7);
    }

    @Override
    public String toString() {
        return value;
    }
}
