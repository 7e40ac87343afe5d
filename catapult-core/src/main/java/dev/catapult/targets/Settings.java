package dev.catapult.targets;

import dev.catapult.common.Durations;
import dev.catapult.common.InvalidInput;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Typed reads from a JSON settings object, with errors naming the field under {@code prefix}. */
final class Settings {
    private final String prefix;
    private final Map<String, Object> values;

    Settings(String prefix, Map<String, Object> values, Set<String> allowed) {
        this.prefix = prefix;
        this.values = values;
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidInput(
                        prefix + "." + key,
                        "is not a known setting (known: "
                                + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    @Nullable
    String string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new InvalidInput(prefix + "." + key, "must be a string");
        }
        return s;
    }

    String requiredString(String key) {
        String s = string(key);
        if (s == null || s.isBlank()) {
            throw new InvalidInput(prefix + "." + key, "is required");
        }
        return s;
    }

    boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new InvalidInput(prefix + "." + key, "must be true or false");
        }
        return b;
    }

    /** {@code text} as an http(s) URL without credentials; anything else is an error on {@code field}. */
    static URI httpUrl(String field, String text) {
        try {
            URI u = URI.create(text);
            if (!("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    || u.getHost() == null
                    || u.getUserInfo() != null) {
                throw new IllegalArgumentException();
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "must be an http(s) URL without credentials");
        }
    }

    @Nullable
    Duration duration(String key) {
        String s = string(key);
        return s == null ? null : Durations.parse(prefix + "." + key, s);
    }
}
