package dev.catapult.audit;

/** {@code token.revoked}: an API token of {@code principal} was revoked. */
public record TokenRevoked(String principal, String tokenId) implements AuditEvent {
    public static final String ACTION = "token.revoked";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(ACTION, Subject.principal(principal), Details.of("tokenId", tokenId));
    }
}
