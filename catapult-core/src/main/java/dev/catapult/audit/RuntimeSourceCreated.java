package dev.catapult.audit;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code runtime-source.created}: a runtime source was created; {@code ignoreContainers} are the sidecar
 * names it ignores.
 */
public record RuntimeSourceCreated(String source, String type, List<String> ignoreContainers) implements AuditEvent {
    public static final String ACTION = "runtime-source.created";

    public RuntimeSourceCreated {
        ignoreContainers = List.copyOf(ignoreContainers);
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public String subject() {
        return "runtime-source/" + source;
    }

    @Override
    public Map<String, @Nullable Object> details() {
        return Details.of("type", type, "ignoreContainers", ignoreContainers);
    }
}
