package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code watch.hold.released}: a hold on a target's automation was released. */
public record WatchHoldReleased(String app, String environment) implements AuditEvent {
    public static final String ACTION = "watch.hold.released";

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
        return Details.of();
    }
}
