package dev.catapult.audit;

/** {@code registry.created}: a registry was defined through the API. */
public record RegistryCreated(String registry, String url, String auth, boolean notificationSecretSet)
        implements AuditEvent {
    public static final String ACTION = "registry.created";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION,
                Subject.registry(registry),
                Details.of("url", url, "auth", auth, "notificationSecretSet", notificationSecretSet));
    }
}
