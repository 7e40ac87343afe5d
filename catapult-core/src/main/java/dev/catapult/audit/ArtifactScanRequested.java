package dev.catapult.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code artifact.scan.requested}: a rescan of {@code repository:tag} was queued as job {@code job}. */
public record ArtifactScanRequested(String registry, String repository, String tag, String job) implements AuditEvent {
    public static final String ACTION = "artifact.scan.requested";

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public String subject() {
        return "registry/" + registry + "/" + repository;
    }

    @Override
    public Map<String, @Nullable Object> details() {
        return Details.of("tag", tag, "job", job);
    }
}
