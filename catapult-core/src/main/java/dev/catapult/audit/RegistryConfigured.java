package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code registry.configured}: a registry was created or updated from the configuration file. */
public record RegistryConfigured(String registry, String url) implements AuditEvent {
    public static final String ACTION = "registry.configured";

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
        return Details.of("url", url);
    }
}
