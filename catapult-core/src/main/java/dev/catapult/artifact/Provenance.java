package dev.catapult.artifact;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where an image came from, derived from its config labels (and manifest annotations): the service name,
 * git URL and revision. Custom label keys (e.g. {@code defra.cdp.service.name}) are tried first, then the
 * OCI standard keys, so an organisation's own convention wins where both exist.
 */
public record Provenance(
        @Nullable String serviceName,
        @Nullable String gitUrl,
        @Nullable String revision) {
    public static final String OCI_TITLE = "org.opencontainers.image.title";
    public static final String OCI_SOURCE = "org.opencontainers.image.source";
    public static final String OCI_URL = "org.opencontainers.image.url";
    public static final String OCI_REVISION = "org.opencontainers.image.revision";

    /** Label keys to look at before the OCI ones, per field. */
    public record CustomKeys(List<String> serviceName, List<String> gitUrl, List<String> revision) {
        public static CustomKeys none() {
            return new CustomKeys(List.of(), List.of(), List.of());
        }
    }

    /**
     * @param labels the image config's labels
     * @param annotations the manifest's annotations (OCI tools often put the same keys there)
     * @param repository the repository path, whose last segment names the service when nothing else does
     */
    public static Provenance derive(
            Map<String, String> labels, Map<String, String> annotations, String repository, CustomKeys custom) {
        String service = first(labels, annotations, custom.serviceName(), OCI_TITLE);
        if (service == null) {
            service = repository.substring(repository.lastIndexOf('/') + 1);
        }
        String git = first(labels, annotations, custom.gitUrl(), OCI_SOURCE);
        if (git == null) {
            String url = first(labels, annotations, List.of(), OCI_URL);
            git = url != null && (url.endsWith(".git") || url.contains("github.com/") || url.contains("gitlab"))
                    ? url
                    : null;
        }
        return new Provenance(service, git, first(labels, annotations, custom.revision(), OCI_REVISION));
    }

    private static @Nullable String first(
            Map<String, String> labels, Map<String, String> annotations, List<String> custom, String standard) {
        for (String key : custom) {
            String v = nonBlank(labels.get(key));
            if (v != null) {
                return v;
            }
        }
        String v = nonBlank(labels.get(standard));
        return v != null ? v : nonBlank(annotations.get(standard));
    }

    private static @Nullable String nonBlank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
