package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code app.created}: an app was registered. */
public record AppCreated(
        String app,
        String image,
        @Nullable String repoUrl,
        @Nullable String team) implements AuditEvent {
    public static final String ACTION = "app.created";

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public String subject() {
        return "app/" + app;
    }

    @Override
    public Map<String, @Nullable Object> details() {
        return Details.of("image", image, "repoUrl", repoUrl, "team", team);
    }
}
