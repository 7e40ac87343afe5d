package dev.catapult.audit;

import java.time.Duration;

/**
 * {@code sign-in.locked}: too many failed sign-ins within {@code window}: the principal's sign-in is locked.
 */
public record SignInLocked(String principal, long failures, Duration window) implements AuditEvent {
    public static final String ACTION = "sign-in.locked";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION, Subject.principal(principal), Details.of("failures", failures, "window", window.toString()));
    }
}
