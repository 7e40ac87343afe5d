package dev.catapult.audit;

import dev.catapult.deploy.DeployStatus;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code deploy.failed}: a deploy failed (its deployer failed, or it timed out). */
public record DeployFailed(
        String app,
        String environment,
        String id,
        long version,
        @Nullable String message) implements AuditEvent {
    public static final String ACTION = "deploy.failed";

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
        return Details.deployOutcome(id, version, DeployStatus.FAILED, message);
    }
}
