package dev.catapult.artifact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An image manifest (or index) in the catalogue. {@code tags} point at it now; {@code platform} and
 * {@code platforms} are the OCI platform objects as the registry gave them (an index's platform manifests),
 * kept as documents since the OCI spec lets them grow fields; {@code files} are the files of interest in the
 * final file view (whiteouts applied).
 */
public record Artifact(
        String registry,
        String repository,
        String digest,
        String mediaType,
        @Nullable Long size,
        List<String> tags,
        @Nullable String parentDigest,
        @Nullable Map<String, Object> platform,
        List<Map<String, Object>> platforms,
        Map<String, String> labels,
        Map<String, String> annotations,
        @Nullable Instant created,
        @Nullable String serviceName,
        @Nullable String gitUrl,
        @Nullable String revision,
        List<Layer> layers,
        List<File> files,
        String scanStatus,
        @Nullable String scanError,
        @Nullable Integer scannerVersion,
        Instant firstSeenAt) {

    /** One layer of the image, in order. */
    public record Layer(
            String digest, String mediaType, @Nullable Long size) {}

    /** A file of interest, whose content {@link ArtifactQueries#file} reads by its layer digest. */
    public record File(String path, String layerDigest, long size, String sha256) {}
}
