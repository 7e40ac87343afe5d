package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code registry.created}: a registry was defined through the API. */
public record RegistryCreated(String registry, String url, String auth, boolean notificationSecretSet)
        implements AuditEvent {
    public static final String ACTION = "registry.created";

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
        return Details.of("url", url, "auth", auth, "notificationSecretSet", notificationSecretSet);
    }
}
