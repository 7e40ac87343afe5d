package dev.catapult.audit;

/** {@code principal.bootstrapped}: the admin service account and its token were created on first start. */
public record PrincipalBootstrapped(String id, String tokenId) implements AuditEvent {
    public static final String ACTION = "principal.bootstrapped";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(ACTION, Subject.principal("admin"), Details.of("id", id, "tokenId", tokenId));
    }
}
