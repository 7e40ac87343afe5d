package dev.catapult.environment;

import dev.catapult.common.InvalidInput;
import java.util.regex.Pattern;

/** An environment's name, with the same grammar as app names. */
public record EnvironmentName(String value) {
    private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    public EnvironmentName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidInput(
                    "environment", "environment names match ^[a-z0-9][a-z0-9-]{0,62}$ (got '" + value + "')");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
