package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code app.updated}: an app's settings changed; only the fields given are recorded (absent = unchanged).
 */
public record AppUpdated(
        String app,
        @Nullable String image,
        @Nullable String repoUrl,
        @Nullable String team,
        @Nullable Map<String, String> labels,
        @Nullable String imageTagTemplate)
        implements AuditEvent {
    public static final String ACTION = "app.updated";

    public AppUpdated {
        labels = labels == null ? null : Details.copy(labels);
    }

    @Override
    public StoredForm storedForm() {
        return new StoredForm(
                ACTION,
                Subject.app(app),
                Details.present(
                        "image",
                        image,
                        "repoUrl",
                        repoUrl,
                        "team",
                        team,
                        "labels",
                        labels,
                        "imageTagTemplate",
                        imageTagTemplate));
    }
}
