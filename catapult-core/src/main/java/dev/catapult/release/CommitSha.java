package dev.catapult.release;

import dev.catapult.common.InvalidInput;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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

    /**
     * The sha {@code text} is when it is already written canonically (40 lower-case hex digits), else empty: for
     * text from outside the API, such as an image's revision label, that is used only when it is unambiguous.
     */
    public static Optional<CommitSha> ifCanonical(@Nullable String text) {
        return text != null && VALID.matcher(text).matches() ? Optional.of(new CommitSha(text)) : Optional.empty();
    }

    public String shortSha() {
        return value.substring(0, 7);
    }

    @Override
    public String toString() {
        return value;
    }
}
