package dev.catapult.audit;

import org.jspecify.annotations.Nullable;

/** {@code app.created}: an app was registered. */
public record AppCreated(
        String app,
        String image,
        @Nullable String repoUrl,
        @Nullable String team) implements AuditEvent {
    public static final String ACTION = "app.created";

    @Override
    public StoredForm storedForm() {
        return new StoredForm(ACTION, Subject.app(app), Details.of("image", image, "repoUrl", repoUrl, "team", team));
    }
}
