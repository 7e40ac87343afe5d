package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code principal.bootstrapped}: the admin service account and its token were created on first start. */
public record PrincipalBootstrapped(String id, String tokenId) implements AuditEvent {
    public static final String ACTION = "principal.bootstrapped";

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public String subject() {
        return "principal/admin";
    }

    @Override
    public Map<String, @Nullable Object> details() {
        return Details.of("id", id, "tokenId", tokenId);
    }
}
