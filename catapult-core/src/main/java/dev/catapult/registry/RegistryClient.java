package dev.catapult.registry;

import dev.catapult.release.Digest;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Port: one registry speaking the OCI Distribution API (v2).
 *
 * <p>An implementation MUST: negotiate auth (anonymous, basic, bearer-token challenge with the token cached
 * per scope, pull scope only); send OCI and Docker {@code Accept} types (image manifest, index, Docker v2
 * manifest and manifest list) on every manifest request; use {@code HEAD} to resolve tags; follow
 * {@code Link} pagination; verify the digest of everything it downloads; honour {@code Retry-After} and
 * {@code RateLimit-Remaining} by backing off per registry; bound concurrent requests per registry; time out
 * every call; count requests by kind ({@link RequestCounts}). It MUST NOT log or return credentials.
 * Failures are {@link RegistryException}s.
 */
public interface RegistryClient {

    /** The manifest a tag or digest points at ({@code HEAD}), or empty when the registry says 404. */
    Optional<ManifestDescriptor> head(String repository, String reference);

    /** The manifest's bytes ({@code GET}); the digest is verified against the content. */
    FetchedManifest manifest(String repository, String reference);

    /** Every tag of the repository, following {@code Link} pagination, sorted (registries do not sort). */
    List<String> tags(String repository);

    /** One page of the catalog after {@code last} (exclusive), at most {@code pageSize} names. */
    CatalogPage catalog(@Nullable String last, int pageSize);

    /**
     * Streams a blob, following redirects, never buffering it whole. The stream verifies the digest as it
     * is read and throws {@link RegistryException} at its end if the content does not match.
     */
    InputStream blob(String repository, Digest digest);

    /** Requests sent since this client was created, by kind. */
    RequestCounts counts();
}
