package dev.catapult.app;

import dev.catapult.common.InvalidInput;
import java.util.regex.Pattern;

/** An app's name: lower-case letters, digits and dashes, 1–63 characters, starting alphanumeric. */
public record AppName(String value) {
    private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    public AppName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidInput("name", "app names match ^[a-z0-9][a-z0-9-]{0,62}$ (got '" + value + "')");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
