package dev.catapult.release;

import dev.catapult.common.InvalidInput;
import java.util.regex.Pattern;

/** A content digest {@code sha256:<64 hex>} (the only algorithm registries use in practice). */
public record Digest(String value) {
    private static final Pattern VALID = Pattern.compile("^sha256:[0-9a-f]{64}$");

    public Digest {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidInput(
                    "digest", "'" + value + "' is not a digest of the form sha256:<64 lower-case hex digits>");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
