package dev.catapult.audit;

/** {@code totp.enrolment.started}: a user started enrolling TOTP. */
public record TotpEnrolmentStarted(String principal) implements AuditEvent {
    public static final String ACTION = "totp.enrolment.started";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(ACTION, Subject.principal(principal), Details.of());
    }
}
