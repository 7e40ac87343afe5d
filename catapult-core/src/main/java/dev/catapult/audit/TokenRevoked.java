package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code token.revoked}: an API token of {@code principal} was revoked. */
public record TokenRevoked(String principal, String tokenId) implements AuditEvent {
    public static final String ACTION = "token.revoked";

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public String subject() {
        return "principal/" + principal;
    }

    @Override
    public Map<String, @Nullable Object> details() {
        return Details.of("tokenId", tokenId);
    }
}
