package dev.catapult.audit;

import dev.catapult.deploy.DeployStatus;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code deploy.approved}: a deploy was approved; {@code status} is its status after this approval. */
public record DeployApproved(String app, String environment, String id, DeployStatus status) implements AuditEvent {
    public static final String ACTION = "deploy.approved";

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
        return Details.of("id", id, "status", status.wireName());
    }
}
