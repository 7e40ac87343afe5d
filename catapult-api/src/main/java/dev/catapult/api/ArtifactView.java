package dev.catapult.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An image manifest (or index) seen in a registry. {@code tags} point at it now; {@code platforms} list an
 * index's platform manifests; {@code files} are the files of interest in the final file view (whiteouts
 * applied), each addressable by its layer digest.
 */
public record ArtifactView(
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
        List<LayerRef> layers,
        List<FileRef> files,
        String scanStatus,
        @Nullable String scanError,
        @Nullable Integer scannerVersion,
        Instant firstSeenAt) {

    /** One layer of the image, in order. */
    public record LayerRef(
            String digest, String mediaType, @Nullable Long size) {}

    /** A file of interest: its content is at {@code GET /api/v1/layers/{layerDigest}/files?path=…}. */
    public record FileRef(String path, String layerDigest, long size, String sha256) {}
}
