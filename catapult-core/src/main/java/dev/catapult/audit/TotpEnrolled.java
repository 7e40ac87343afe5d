package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code totp.enrolled}: a user confirmed their TOTP enrolment. */
public record TotpEnrolled(String principal) implements AuditEvent {
    public static final String ACTION = "totp.enrolled";

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
