package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code principal.created}: a user or service account was created. */
public record PrincipalCreated(String principal, String id, String kind) implements AuditEvent {
    public static final String ACTION = "principal.created";

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
        return Details.of("id", id, "kind", kind);
    }
}
