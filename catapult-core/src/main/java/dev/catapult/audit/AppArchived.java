package dev.catapult.audit;

/** {@code app.archived}: an app was archived. */
public record AppArchived(String app) implements AuditEvent {
    public static final String ACTION = "app.archived";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(ACTION, Subject.app(app), Details.of());
    }
}
