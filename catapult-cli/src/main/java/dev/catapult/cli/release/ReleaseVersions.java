package dev.catapult.cli.release;

import dev.catapult.cli.CliException;

/** Parses the version arguments people type: {@code 12} or {@code v12}. */
public final class ReleaseVersions {

    private ReleaseVersions() {}

    public static long parse(String text) {
        String digits = text.strip();
        if (digits.startsWith("v") || digits.startsWith("V")) {
            digits = digits.substring(1);
        }
        try {
            long version = Long.parseLong(digits);
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // fall through to the usage error below
        }
        throw CliException.usage("invalid release version '" + text + "' (expected a positive number like 12 or v12)");
    }

    /** Parses {@code vA..vB}; both ends are required and A must not exceed B. */
    public static long[] parseRange(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            throw CliException.usage("invalid range '" + text + "' (expected vA..vB)");
        }
        long from = parse(text.substring(0, dots));
        long to = parse(text.substring(dots + 2));
        if (from > to) {
            throw CliException.usage("invalid range '" + text + "': " + from + " is newer than " + to);
        }
        return new long[] {from, to};
    }
}
