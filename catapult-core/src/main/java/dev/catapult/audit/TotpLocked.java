package dev.catapult.audit;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code totp.locked}: too many wrong TOTP codes: step-up is locked for the principal until {@code until}.
 */
public record TotpLocked(String principal, Instant until, int failures) implements AuditEvent {
    public static final String ACTION = "totp.locked";

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
        return Details.of("until", until.toString(), "failures", failures);
    }
}
