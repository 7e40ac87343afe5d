package dev.catapult.compat.cdp;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * cdp-portal-backend's {@code DeployableArtifact}: one image tag. The original stored one document per
 * repository and tag, so an image with three tags is three of these.
 *
 * @param repo the repository path without the registry host
 * @param sha256 the manifest digest the tag points at
 * @param scannerVersion 0 while the image has not been scanned (the original's default)
 * @param semVer the tag packed as major/minor/patch in 16-bit fields, null for tags that are not x.y.z
 */
public record DeployableArtifact(
        Instant created,
        String repo,
        String tag,
        String sha256,
        @Nullable String githubUrl,
        @Nullable String serviceName,
        int scannerVersion,
        List<File> files,
        @Nullable Long semVer) {

    /** A file of interest; its content is at {@code GET /compat/cdp/files/{layerSha256}?path={path}}. */
    public record File(String fileName, String path, String layerSha256) {}
}
