package dev.catapult.watch;

import dev.catapult.common.InvalidInput;
import org.jspecify.annotations.Nullable;

/** How the {@code regex} policy orders the values its capture group takes. */
public enum RegexOrder {
    /** SemVer 2.0.0 precedence ({@link SemVerTag}); captures that are not versions are ineligible. */
    SEMVER,
    /** Plain string order of the capture ({@code "9" > "10"}); every capture is eligible. */
    LEXICAL,
    /** Integer order of all-digit captures, unbounded; other captures are ineligible. */
    NUMERIC;

    /**
     * The order named in the settings. Unset means {@link #SEMVER}: it matches the policy family, and a capture
     * that is not a version is reported as ineligible instead of being silently mis-ordered as text.
     */
    public static RegexOrder of(@Nullable String name) {
        if (name == null) {
            return SEMVER;
        }
        return switch (name) {
            case "semver" -> SEMVER;
            case "lexical" -> LEXICAL;
            case "numeric" -> NUMERIC;
            default -> throw new InvalidInput("watch.order", "must be semver, lexical or numeric");
        };
    }
}
