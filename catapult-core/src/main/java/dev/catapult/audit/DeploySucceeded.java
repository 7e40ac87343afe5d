package dev.catapult.audit;

import dev.catapult.deploy.DeployStatus;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code deploy.succeeded}: a deployer finished a deploy successfully. */
public record DeploySucceeded(
        String app,
        String environment,
        String id,
        long version,
        @Nullable String message) implements AuditEvent {
    public static final String ACTION = "deploy.succeeded";

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
        return Details.deployOutcome(id, version, DeployStatus.SUCCEEDED, message);
    }
}
