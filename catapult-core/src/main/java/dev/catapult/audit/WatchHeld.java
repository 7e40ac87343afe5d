package dev.catapult.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** {@code watch.held}: automation of a target was held (I5) until released or until {@code until}. */
public record WatchHeld(
        String app,
        String environment,
        String reason,
        @Nullable Instant until) implements AuditEvent {
    public static final String ACTION = "watch.held";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION,
                Subject.target(app, environment),
                Details.of("reason", reason, "until", until == null ? null : until.toString()));
    }
}
