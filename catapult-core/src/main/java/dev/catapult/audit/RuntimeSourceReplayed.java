package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code runtime-source.replayed}: a replay of a runtime source's event archive was queued as job {@code
 * job}.
 */
public record RuntimeSourceReplayed(String source, String job, boolean deadLetters) implements AuditEvent {
    public static final String ACTION = "runtime-source.replayed";

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
        return Details.of("job", job, "deadLetters", deadLetters);
    }
}
