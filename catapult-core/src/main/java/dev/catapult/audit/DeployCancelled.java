package dev.catapult.audit;

import dev.catapult.deploy.DeployStatus;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code deploy.cancelled}: a deploy was cancelled while in status {@code from}. */
public record DeployCancelled(String app, String environment, String id, DeployStatus from) implements AuditEvent {
    public static final String ACTION = "deploy.cancelled";

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
        return Details.of("id", id, "from", from.wireName());
    }
}
