package dev.catapult.cli.output;

import java.util.Locale;

/** How results are printed: aligned columns for people, the server's JSON for scripts. */
public enum OutputFormat {
    TABLE,
    JSON;

    /** Parses {@code table} or {@code json} (any case), as given to {@code --output} or {@code CATAPULT_FORMAT}. */
    public static OutputFormat parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "table" -> TABLE;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("unknown output format '" + value + "' (use table or json)");
        };
    }
}
