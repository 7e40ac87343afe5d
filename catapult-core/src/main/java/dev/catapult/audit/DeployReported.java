package dev.catapult.audit;

import dev.catapult.deploy.DeployStatus;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code deploy.reported}: an external CD system reported a deploy's progress or outcome. */
public record DeployReported(
        String app,
        String environment,
        String id,
        DeployStatus status,
        @Nullable String message,
        @Nullable String externalRef)
        implements AuditEvent {
    public static final String ACTION = "deploy.reported";

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public String subject() {
        return "app/" + app + "/env/" + environment;
    }

    @Override
    public Map<String, @Nullable Object> details() {
        return Details.of("id", id, "status", status.wireName(), "message", message, "externalRef", externalRef);
    }
}
