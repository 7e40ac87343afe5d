package dev.catapult.audit;

/** {@code artifact.scan.requested}: a rescan of {@code repository:tag} was queued as job {@code job}. */
public record ArtifactScanRequested(String registry, String repository, String tag, String job) implements AuditEvent {
    public static final String ACTION = "artifact.scan.requested";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(ACTION, Subject.repository(registry, repository), Details.of("tag", tag, "job", job));
    }
}
