package dev.catapult.audit;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code sign-in.locked}: too many failed sign-ins within {@code window}: the principal's sign-in is locked.
 */
public record SignInLocked(String principal, long failures, Duration window) implements AuditEvent {
    public static final String ACTION = "sign-in.locked";

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
        return Details.of("failures", failures, "window", window.toString());
    }
}
