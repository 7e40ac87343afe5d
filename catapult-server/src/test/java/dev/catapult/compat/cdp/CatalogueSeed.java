package dev.catapult.compat.cdp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catalogue rows written straight into the tables, as a finished scan leaves them: the registry-driven
 * scan has its own tests, these only need its results.
 */
final class CatalogueSeed {
    private final JdbcClient jdbc;

    CatalogueSeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String digest(int n) {
        return "sha256:" + String.format("%064x", n);
    }

    /** A registry that the poller leaves alone during the test (its next poll is a day away). */
    long registry(String name, String host) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.sql("""
        insert into registries (name, url, host, auth_type, poll_interval_seconds, defined_in, last_polled_at, created_at, updated_at)
        values (?, ?, ?, 'none', 60, 'api', ?, ?, ?) returning id
        """)
                .params(
                        name,
                        "http://" + host,
                        host,
                        Timestamp.from(Instant.now().plusSeconds(86_400)),
                        now,
                        now)
                .query(Long.class)
                .single();
    }

    /** A scanned image manifest with provenance. */
    long image(
            long registry,
            String repository,
            String digest,
            @Nullable String service,
            @Nullable String gitUrl,
            Instant created) {
        return jdbc.sql("""
        insert into artifacts (registry_id, repository, digest, media_type, service_name, git_url, created, scan_status,
          scanner_version, scanned_at, first_seen_at)
        values (?, ?, ?, 'application/vnd.oci.image.manifest.v1+json', ?, ?, ?, 'scanned', 3, ?, ?) returning id
        """)
                .params(
                        registry,
                        repository,
                        digest,
                        service,
                        gitUrl,
                        Timestamp.from(created),
                        Timestamp.from(created),
                        Timestamp.from(created))
                .query(Long.class)
                .single();
    }

    /** An index with no provenance of its own. */
    long index(long registry, String repository, String digest, Instant seen) {
        return jdbc.sql("""
        insert into artifacts (registry_id, repository, digest, media_type, platforms, scan_status, first_seen_at)
        values (?, ?, ?, 'application/vnd.oci.image.index.v1+json', '[{"os":"linux","architecture":"arm64"},{"os":"linux","architecture":"amd64"}]',
          'scanned', ?) returning id
        """)
                .params(registry, repository, digest, Timestamp.from(seen))
                .query(Long.class)
                .single();
    }

    /** A platform manifest of an index. */
    long platformImage(
            long registry,
            String repository,
            String digest,
            String parent,
            String architecture,
            String service,
            Instant created) {
        long id = image(registry, repository, digest, service, "https://github.com/acme/" + service, created);
        jdbc.sql("update artifacts set parent_digest = ?, platform = cast(? as jsonb) where id = ?")
                .params(parent, "{\"os\":\"linux\",\"architecture\":\"" + architecture + "\"}", id)
                .update();
        return id;
    }

    void tag(long registry, String repository, String tag, String digest) {
        jdbc.sql("insert into artifact_tags (registry_id, repository, tag, digest, updated_at) values (?, ?, ?, ?, ?)")
                .params(registry, repository, tag, digest, Timestamp.from(Instant.now()))
                .update();
    }

    /** A scanned layer holding {@code files} (path → content). */
    void layer(String digest, Map<String, byte[]> files) {
        jdbc.sql("""
        insert into layers (digest, media_type, size, scanner_version, entries, uncompressed_bytes, truncated, scanned_at)
        values (?, 'application/vnd.oci.image.layer.v1.tar+gzip', 100, 3, ?, 100, false, ?)
        """)
                .params(digest, files.size(), Timestamp.from(Instant.now()))
                .update();
        files.forEach((path, content) -> jdbc.sql(
                        "insert into layer_files (layer_digest, path, size, sha256, content) values (?, ?, ?, ?, ?)")
                .params(digest, path, content.length, sha256(content), content)
                .update());
    }

    void layerOf(long artifact, int position, String layerDigest) {
        jdbc.sql(
                        "insert into artifact_layers (artifact_id, position, layer_digest, media_type, size) values (?, ?, ?, ?, 100)")
                .params(artifact, position, layerDigest, "application/vnd.oci.image.layer.v1.tar+gzip")
                .update();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
