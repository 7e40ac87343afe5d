package dev.catapult.artifact;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes to the artifact catalogue: tag mappings with their history, artifacts, layers and their files.
 * Every write is idempotent, so a redelivered event or a retried job changes nothing the second time.
 */
@Repository
public class Catalogue {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Catalogue(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The digest a tag maps to now, if any. */
    @Transactional(readOnly = true)
    public Optional<String> currentTag(long registryId, String repository, String tag) {
        return jdbc.sql("select digest from artifact_tags where registry_id = ? and repository = ? and tag = ?")
                .params(registryId, repository, tag)
                .query(String.class)
                .optional();
    }

    /** Points a tag at {@code digest}; returns whether anything changed (history is kept on change). */
    @Transactional
    public boolean mapTag(long registryId, String repository, String tag, String digest, String source) {
        Instant now = clock.instant();
        Optional<String> previous = jdbc.sql(
                        "select digest from artifact_tags where registry_id = ? and repository = ? and tag = ? for update")
                .params(registryId, repository, tag)
                .query(String.class)
                .optional();
        if (previous.isPresent() && previous.get().equals(digest)) {
            return false;
        }
        jdbc.sql("""
        insert into artifact_tags (registry_id, repository, tag, digest, updated_at) values (?, ?, ?, ?, ?)
        on conflict (registry_id, repository, tag) do update set digest = excluded.digest, updated_at = excluded.updated_at
        """)
                .params(registryId, repository, tag, digest, Timestamp.from(now))
                .update();
        history(registryId, repository, tag, digest, previous.orElse(null), source, now);
        return true;
    }

    /** Removes a tag mapping (the tag was deleted); returns whether it existed. */
    @Transactional
    public boolean unmapTag(long registryId, String repository, String tag, String source) {
        Optional<String> previous = jdbc.sql(
                        "delete from artifact_tags where registry_id = ? and repository = ? and tag = ? returning digest")
                .params(registryId, repository, tag)
                .query(String.class)
                .optional();
        previous.ifPresent(p -> history(registryId, repository, tag, null, p, source, clock.instant()));
        return previous.isPresent();
    }

    /** The tags mapped to {@code digest} in a repository. */
    @Transactional(readOnly = true)
    public List<String> tagsOf(long registryId, String repository, String digest) {
        return jdbc.sql(
                        "select tag from artifact_tags where registry_id = ? and repository = ? and digest = ? order by tag")
                .params(registryId, repository, digest)
                .query(String.class)
                .list();
    }

    /** Every tag the catalogue maps in a repository. */
    @Transactional(readOnly = true)
    public List<String> knownTags(long registryId, String repository) {
        return jdbc.sql("select tag from artifact_tags where registry_id = ? and repository = ?")
                .params(registryId, repository)
                .query(String.class)
                .list();
    }

    private void history(
            long registryId,
            String repository,
            String tag,
            @Nullable String digest,
            @Nullable String previous,
            String source,
            Instant at) {
        jdbc.sql(
                        "insert into tag_history (registry_id, repository, tag, digest, previous, source, at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(registryId, repository, tag, digest, previous, source, Timestamp.from(at))
                .update();
    }

    /** Inserts the artifact if it is new; returns its id either way. */
    @Transactional
    public long upsertArtifact(
            long registryId,
            String repository,
            String digest,
            String mediaType,
            @Nullable Long size,
            @Nullable String parentDigest,
            @Nullable Map<String, Object> platform) {
        jdbc.sql("""
        insert into artifacts (registry_id, repository, digest, media_type, size, parent_digest, platform, first_seen_at)
        values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?) on conflict (registry_id, repository, digest) do nothing
        """)
                .params(
                        registryId,
                        repository,
                        digest,
                        mediaType,
                        size,
                        parentDigest,
                        platform == null ? null : json.writeValueAsString(platform),
                        Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select id from artifacts where registry_id = ? and repository = ? and digest = ?")
                .params(registryId, repository, digest)
                .query(Long.class)
                .single();
    }

    /** Whether the artifact was scanned with at least {@code scannerVersion}. */
    @Transactional(readOnly = true)
    public boolean isScanned(long registryId, String repository, String digest, int scannerVersion) {
        return jdbc.sql("""
        select count(*) from artifacts where registry_id = ? and repository = ? and digest = ?
          and scan_status = 'scanned' and scanner_version >= ?
        """)
                        .params(registryId, repository, digest, scannerVersion)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Records what an index lists. */
    @Transactional
    public void recordIndex(
            long artifactId, String mediaType, List<Map<String, Object>> platforms, Map<String, String> annotations) {
        jdbc.sql(
                        "update artifacts set media_type = ?, platforms = cast(? as jsonb), annotations = cast(? as jsonb) where id = ?")
                .params(mediaType, json.writeValueAsString(platforms), json.writeValueAsString(annotations), artifactId)
                .update();
    }

    /** Records an image manifest's config, provenance and layers. */
    @Transactional
    public void recordImage(long artifactId, String mediaType, ImageDetails image, Provenance provenance) {
        jdbc.sql("""
        update artifacts set media_type = ?, config_digest = ?, labels = cast(? as jsonb), annotations = cast(? as jsonb),
          created = ?, service_name = ?, git_url = ?, revision = ?,
          platform = coalesce(platform, cast(? as jsonb))
        where id = ?
        """)
                .params(
                        mediaType,
                        image.configDigest(),
                        json.writeValueAsString(image.labels()),
                        json.writeValueAsString(image.annotations()),
                        image.created() == null ? null : Timestamp.from(image.created()),
                        provenance.serviceName(),
                        provenance.gitUrl(),
                        provenance.revision(),
                        image.platform() == null ? null : json.writeValueAsString(image.platform()),
                        artifactId)
                .update();
        jdbc.sql("delete from artifact_layers where artifact_id = ?")
                .param(artifactId)
                .update();
        for (int i = 0; i < image.layers().size(); i++) {
            ImageDetails.Layer l = image.layers().get(i);
            jdbc.sql(
                            "insert into artifact_layers (artifact_id, position, layer_digest, media_type, size) values (?, ?, ?, ?, ?)")
                    .params(artifactId, i, l.digest(), l.mediaType(), l.size())
                    .update();
        }
    }

    @Transactional
    public void markScanned(long artifactId, int scannerVersion) {
        jdbc.sql(
                        "update artifacts set scan_status = 'scanned', scan_error = null, scanner_version = ?, scanned_at = ? where id = ?")
                .params(scannerVersion, Timestamp.from(clock.instant()), artifactId)
                .update();
    }

    @Transactional
    public void markFailed(long artifactId, String error) {
        jdbc.sql("update artifacts set scan_status = 'failed', scan_error = ?, scanned_at = ? where id = ?")
                .params(
                        error.length() > 1000 ? error.substring(0, 1000) : error,
                        Timestamp.from(clock.instant()),
                        artifactId)
                .update();
    }

    /** Whether the layer was scanned with at least {@code scannerVersion}. */
    @Transactional(readOnly = true)
    public boolean isLayerScanned(String digest, int scannerVersion) {
        return jdbc.sql("select count(*) from layers where digest = ? and scanner_version >= ?")
                        .params(digest, scannerVersion)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Stores a layer's scan, replacing an older scanner version's results. */
    @Transactional
    public void storeLayer(String digest, String mediaType, @Nullable Long size, int scannerVersion, LayerScan scan) {
        jdbc.sql("delete from layer_files where layer_digest = ?").param(digest).update();
        jdbc.sql("delete from layer_findings where layer_digest = ?")
                .param(digest)
                .update();
        jdbc.sql("""
        insert into layers (digest, media_type, size, scanner_version, entries, uncompressed_bytes, truncated, whiteouts,
          opaque_directories, notes, scanned_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (digest) do update set media_type = excluded.media_type, size = excluded.size,
          scanner_version = excluded.scanner_version, entries = excluded.entries, uncompressed_bytes = excluded.uncompressed_bytes,
          truncated = excluded.truncated, whiteouts = excluded.whiteouts, opaque_directories = excluded.opaque_directories,
          notes = excluded.notes, scanned_at = excluded.scanned_at
        """)
                .params(
                        digest,
                        mediaType,
                        size,
                        scannerVersion,
                        scan.entries(),
                        scan.uncompressedBytes(),
                        scan.truncated(),
                        scan.whiteouts().toArray(String[]::new),
                        scan.opaqueDirectories().toArray(String[]::new),
                        scan.notes().toArray(String[]::new),
                        Timestamp.from(clock.instant()))
                .update();
        for (ExtractedFile f : scan.files()) {
            jdbc.sql(
                            "insert into layer_files (layer_digest, path, size, sha256, content) values (?, ?, ?, ?, ?) on conflict do nothing")
                    .params(digest, f.path(), f.size(), f.sha256(), f.content())
                    .update();
        }
        for (Rejection r : scan.rejections()) {
            jdbc.sql("insert into layer_findings (layer_digest, kind, entry, reason) values (?, 'rejected', ?, ?)")
                    .params(digest, r.entry(), r.reason())
                    .update();
        }
        for (Rejection r : scan.skipped()) {
            jdbc.sql("insert into layer_findings (layer_digest, kind, entry, reason) values (?, 'skipped', ?, ?)")
                    .params(digest, r.entry(), r.reason())
                    .update();
        }
    }
}
