package dev.catapult.audit;

/** {@code watch.hold.released}: a hold on a target's automation was released. */
public record WatchHoldReleased(String app, String environment) implements AuditEvent {
    public static final String ACTION = "watch.hold.released";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(ACTION, Subject.target(app, environment), Details.of());
    }
}
