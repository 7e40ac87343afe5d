package dev.catapult.audit;

/** {@code totp.enrolled}: a user confirmed their TOTP enrolment. */
public record TotpEnrolled(String principal) implements AuditEvent {
    public static final String ACTION = "totp.enrolled";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(ACTION, Subject.principal(principal), Details.of());
    }
}
