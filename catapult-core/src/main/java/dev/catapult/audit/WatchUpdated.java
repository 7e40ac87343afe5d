package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code watch.updated}: some watch settings of a target changed: {@code changes} as requested (a null value
 * clears a setting).
 */
public record WatchUpdated(String app, String environment, Map<String, @Nullable Object> changes)
        implements AuditEvent {
    public static final String ACTION = "watch.updated";

    public WatchUpdated {
        changes = Details.copy(changes);
    }

    @Override
    public StoredForm storedForm() {
        return new StoredForm(ACTION, Subject.target(app, environment), changes);
    }
}
