package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code totp.enrolment.started}: a user started enrolling TOTP. */
public record TotpEnrolmentStarted(String principal) implements AuditEvent {
    public static final String ACTION = "totp.enrolment.started";

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
        return Details.of();
    }
}
