package dev.catapult.audit;

/** {@code registry.backfill.requested}: a backfill of a whole registry was queued as job {@code job}. */
public record RegistryBackfillRequested(String registry, String job) implements AuditEvent {
    public static final String ACTION = "registry.backfill.requested";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(ACTION, Subject.registry(registry), Details.of("job", job));
    }
}
