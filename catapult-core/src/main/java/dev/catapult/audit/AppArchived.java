package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code app.archived}: an app was archived. */
public record AppArchived(String app) implements AuditEvent {
    public static final String ACTION = "app.archived";

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public String subject() {
        return "app/" + app;
    }

    @Override
    public Map<String, @Nullable Object> details() {
        return Details.of();
    }
}
