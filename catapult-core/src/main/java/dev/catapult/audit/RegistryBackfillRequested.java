package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code registry.backfill.requested}: a backfill of a whole registry was queued as job {@code job}. */
public record RegistryBackfillRequested(String registry, String job) implements AuditEvent {
    public static final String ACTION = "registry.backfill.requested";

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public String subject() {
        return "registry/" + registry;
    }

    @Override
    public Map<String, @Nullable Object> details() {
        return Details.of("job", job);
    }
}
