package dev.catapult.audit;

import java.time.Instant;

/**
 * {@code totp.locked}: too many wrong TOTP codes: step-up is locked for the principal until {@code until}.
 */
public record TotpLocked(String principal, Instant until, int failures) implements AuditEvent {
    public static final String ACTION = "totp.locked";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION, Subject.principal(principal), Details.of("until", until.toString(), "failures", failures));
    }
}
