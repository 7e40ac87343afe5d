package dev.catapult.audit;

/** {@code registry.configured}: a registry was created or updated from the configuration file. */
public record RegistryConfigured(String registry, String url) implements AuditEvent {
    public static final String ACTION = "registry.configured";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(ACTION, Subject.registry(registry), Details.of("url", url));
    }
}
