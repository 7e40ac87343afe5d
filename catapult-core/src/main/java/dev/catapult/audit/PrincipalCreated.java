package dev.catapult.audit;

/** {@code principal.created}: a user or service account was created. */
public record PrincipalCreated(String principal, String id, String kind) implements AuditEvent {
    public static final String ACTION = "principal.created";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(ACTION, Subject.principal(principal), Details.of("id", id, "kind", kind));
    }
}
