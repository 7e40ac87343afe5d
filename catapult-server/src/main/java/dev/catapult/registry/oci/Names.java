package dev.catapult.registry.oci;

import dev.catapult.common.InvalidInput;
import dev.catapult.release.Digest;
import java.util.regex.Pattern;

/**
 * Repository names and references as the distribution spec defines them. Checked before they become URL
 * paths, so a name taken from hostile input (a webhook) can never reach another endpoint.
 */
final class Names {
    private static final Pattern REPOSITORY =
            Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    private Names() {}

    static String repository(String name) {
        if (name.length() > 255 || !REPOSITORY.matcher(name).matches()) {
            throw new InvalidInput("repository", "'" + name + "' is not a repository name");
        }
        return name;
    }

    /** A tag or a {@code sha256:} digest; other digest algorithms are refused because they cannot be verified. */
    static String reference(String reference) {
        if (!TAG.matcher(reference).matches() && !isDigest(reference)) {
            throw new InvalidInput("reference", "'" + reference + "' is neither a tag nor a sha256 digest");
        }
        return reference;
    }

    static boolean isDigest(String reference) {
        return reference.startsWith("sha256:")
                && reference.length() == 71
                && reference.substring(7).chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    static Digest digest(String reference) {
        return new Digest(reference);
    }
}
