package dev.catapult.compat.cdp;

import dev.catapult.artifact.Artifact;
import dev.catapult.artifact.ArtifactQueries;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns a catalogued manifest and one of its tags into cdp's {@code DeployableArtifact}. cdp scanned one
 * image per tag; a tag pointing at an index is shown through the platform image it stands for, since the
 * index itself has no layers, labels or files.
 */
@Component
class DeployableArtifacts {
    private final ArtifactQueries queries;
    private final CatalogueIndex index;

    DeployableArtifacts(ArtifactQueries queries, CatalogueIndex index) {
        this.queries = queries;
        this.index = index;
    }

    /** One entry per tag of {@code manifest}, newest version first. */
    List<DeployableArtifact> allTags(Artifact manifest) {
        Artifact image = imageBehind(manifest);
        return manifest.tags().stream()
                .sorted(SemVerTags.NEWEST_FIRST)
                .map(tag -> of(manifest, image, tag))
                .toList();
    }

    DeployableArtifact forTag(Artifact manifest, String tag) {
        return of(manifest, imageBehind(manifest), tag);
    }

    private DeployableArtifact of(Artifact manifest, Artifact image, String tag) {
        Instant created = image.created() != null
                ? image.created()
                : manifest.created() != null ? manifest.created() : manifest.firstSeenAt();
        List<DeployableArtifact.File> files = image.files().stream()
                .map(f -> new DeployableArtifact.File(
                        f.path().substring(f.path().lastIndexOf('/') + 1), f.path(), f.layerDigest()))
                .toList();
        return new DeployableArtifact(
                created,
                manifest.repository(),
                tag,
                manifest.digest(),
                image.gitUrl() != null ? image.gitUrl() : manifest.gitUrl(),
                image.serviceName() != null ? image.serviceName() : manifest.serviceName(),
                image.scannerVersion() == null ? 0 : image.scannerVersion(),
                files,
                SemVerTags.packed(tag).orElse(null));
    }

    private Artifact imageBehind(Artifact manifest) {
        if (!manifest.layers().isEmpty()) {
            return manifest;
        }
        return index.platformImage(manifest.registry(), manifest.repository(), manifest.digest())
                .map(queries::get)
                .orElse(manifest);
    }
}
