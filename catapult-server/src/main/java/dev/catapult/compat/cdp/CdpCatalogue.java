package dev.catapult.compat.cdp;

import dev.catapult.artifact.Artifact;
import dev.catapult.artifact.ArtifactQueries;
import dev.catapult.common.InvalidInput;
import dev.catapult.common.NotFound;
import dev.catapult.platform.PageRequest;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * cdp-portal-backend's catalogue reads over Catapult's: services, artifacts per repository and tag,
 * deployable tags and file contents. Only tags make artifacts here, as in cdp, where an image nobody
 * tags any more was not deployable.
 */
@Service
public class CdpCatalogue {
    /** What cdp answered for {@code /artifacts/{repo}/latest} when no tag was literally called that. */
    private static final String LATEST = "latest";

    private final ArtifactQueries queries;
    private final CatalogueIndex index;
    private final DeployableArtifacts artifacts;

    CdpCatalogue(ArtifactQueries queries, CatalogueIndex index, DeployableArtifacts artifacts) {
        this.queries = queries;
        this.index = index;
        this.artifacts = artifacts;
    }

    /** What {@code /artifacts/{path}} names: a whole repository, or one tag of it. */
    public sealed interface ArtifactPath {
        record Repository(String repository) implements ArtifactPath {}

        record Tag(String repository, String tag) implements ArtifactPath {}
    }

    @Transactional(readOnly = true)
    public List<ServiceInfo> services() {
        return index.services();
    }

    @Transactional(readOnly = true)
    public ServiceInfo service(String name) {
        return index.service(name).orElseThrow(() -> new NotFound("service '" + name + "' not found"));
    }

    /** Every tag of every repository. */
    @Transactional(readOnly = true)
    public List<DeployableArtifact> artifacts() {
        return index.taggedRepositories().stream()
                .flatMap(repo -> queries.tagged(repo).stream())
                .flatMap(a -> artifacts.allTags(a).stream())
                .toList();
    }

    @Transactional(readOnly = true)
    public List<DeployableArtifact> artifacts(String repository) {
        List<DeployableArtifact> all = queries.tagged(repository).stream()
                .flatMap(a -> artifacts.allTags(a).stream())
                .toList();
        if (all.isEmpty()) {
            throw unknownRepository(repository);
        }
        return all;
    }

    /** The image a tag points at; {@code latest}, when no tag has that name, is the highest x.y.z tag. */
    @Transactional(readOnly = true)
    public DeployableArtifact artifact(String repository, String tag) {
        Optional<Artifact> tagged = queries.list(repository, tag, null, PageRequest.of(1, null)).items().stream()
                .findFirst();
        if (tagged.isPresent()) {
            return artifacts.forTag(tagged.get(), tag);
        }
        if (LATEST.equals(tag)) {
            Optional<String> newest = deployableTags(repository).stream().findFirst();
            if (newest.isPresent()) {
                return artifact(repository, newest.get());
            }
        }
        throw new NotFound(repository + ":" + tag + " was not found");
    }

    /**
     * Repository paths contain slashes and tags never do, so {@code a/b/c} is repository {@code a/b/c} when
     * that has tags, otherwise tag {@code c} of repository {@code a/b}.
     */
    @Transactional(readOnly = true)
    public ArtifactPath resolve(String path) {
        String p = strip(path);
        if (index.hasTags(p)) {
            return new ArtifactPath.Repository(p);
        }
        int slash = p.lastIndexOf('/');
        if (slash > 0 && index.hasTags(p.substring(0, slash))) {
            return new ArtifactPath.Tag(p.substring(0, slash), p.substring(slash + 1));
        }
        throw unknownRepository(p);
    }

    /** Repositories with at least one tag. */
    @Transactional(readOnly = true)
    public List<String> deployables() {
        return index.taggedRepositories();
    }

    /** A repository's x.y.z tags, newest first: cdp offered nothing else for deployment. */
    @Transactional(readOnly = true)
    public List<String> deployableTags(String repository) {
        String repo = strip(repository);
        if (!index.hasTags(repo)) {
            throw unknownRepository(repo);
        }
        return index.tags(repo).stream()
                .filter(SemVerTags::isSemVer)
                .sorted(SemVerTags.NEWEST_FIRST)
                .toList();
    }

    /** The exact bytes of a file extracted from a layer. */
    @Transactional(readOnly = true)
    public byte[] file(String layerDigest, @Nullable String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidInput("path", "is required (the file's path in the layer, URL-encoded)");
        }
        return queries.file(layerDigest, path);
    }

    private static String strip(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static NotFound unknownRepository(String repository) {
        return new NotFound("repository '" + repository + "' has no tagged images");
    }
}
