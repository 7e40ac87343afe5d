package dev.catapult.app;

import dev.catapult.common.InvalidInput;
import java.util.regex.Pattern;

/**
 * A container image repository without tag or digest: {@code [registry[:port]/]path}, e.g.
 * {@code 127.0.0.1:5000/shop/api} or {@code ghcr.io/acme/api}. Path components follow the OCI
 * distribution spec's grammar.
 */
public record ImageRepository(String value) {
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern HOST =
            Pattern.compile("(?:[a-zA-Z0-9-]+\\.)*[a-zA-Z0-9-]+(?::[0-9]{1,5})?|\\[[0-9a-fA-F:]+\\](?::[0-9]{1,5})?");

    public ImageRepository {
        if (value == null || !isValid(value)) {
            throw new InvalidInput(
                    "image",
                    "'" + value + "' is not an image repository like registry.example/team/app (no tag, no digest)");
        }
    }

    /** Whether {@code text} is a repository reference (no tag, no digest). */
    public static boolean isValid(String text) {
        if (text.isEmpty() || text.length() > 255 || text.contains("@")) {
            return false;
        }
        String[] parts = text.split("/", -1);
        int start = 0;
        if (parts.length > 1 && looksLikeHost(parts[0])) {
            if (!HOST.matcher(parts[0]).matches()) {
                return false;
            }
            start = 1;
        }
        for (int i = start; i < parts.length; i++) {
            if (!COMPONENT.matcher(parts[i]).matches()) {
                return false;
            }
        }
        return start < parts.length;
    }

    /** Docker's rule: the first component is a registry host when it has a dot, a colon or is localhost. */
    static boolean looksLikeHost(String first) {
        return first.contains(".") || first.contains(":") || first.equals("localhost") || first.startsWith("[");
    }

    @Override
    public String toString() {
        return value;
    }
}
