package dev.catapult.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds the stored details of an {@link AuditEvent}: ordered like the arguments, null values allowed. */
final class Details {
    private Details() {}

    /** Every key with its value, null values included (they are stored as JSON null). */
    static Map<String, @Nullable Object> of(@Nullable Object... keysAndValues) {
        return build(keysAndValues, true);
    }

    /** Only the keys whose value is present: a partial update records what it was given. */
    static Map<String, @Nullable Object> present(@Nullable Object... keysAndValues) {
        return build(keysAndValues, false);
    }

    /** An unmodifiable copy that keeps the order and the null values (which {@code Map.copyOf} refuses). */
    static <V> Map<String, @Nullable V> copy(Map<String, @Nullable V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The shape shared by a deployer's outcomes: an absent message is stored as the empty string. */
    static Map<String, @Nullable Object> deployOutcome(
            String id, long version, dev.catapult.deploy.DeployStatus status, @Nullable String message) {
        return of("id", id, "version", version, "status", status.wireName(), "message", message == null ? "" : message);
    }

    private static Map<String, @Nullable Object> build(@Nullable Object[] keysAndValues, boolean withNulls) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("details come in key, value pairs");
        }
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (withNulls || value != null) {
                m.put((String) keysAndValues[i], value);
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
