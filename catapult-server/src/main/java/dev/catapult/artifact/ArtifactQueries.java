package dev.catapult.artifact;

import dev.catapult.common.NotFound;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.Slice;
import dev.catapult.release.Digest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the catalogue: artifacts with their tags, layers and final file view, and file contents. */
@Service
public class ArtifactQueries {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};
    private static final String SELECT = """
      select a.*, r.name as registry, r.host as host from artifacts a join registries r on r.id = a.registry_id
      """;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ArtifactQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Artifacts newest first. {@code repository} may include the registry host ({@code 127.0.0.1:5000/shop/api})
     * or not ({@code shop/api}); {@code tag} keeps those a tag points at now; {@code service} matches the
     * derived service name.
     */
    @Transactional(readOnly = true)
    public Slice<Artifact> list(
            @Nullable String repository, @Nullable String tag, @Nullable String service, PageRequest page) {
        List<Row> rows = jdbc.sql(SELECT + """
        where (cast(:repo as text) is null or a.repository = :repo or r.host || '/' || a.repository = :repo)
          and (cast(:tag as text) is null or exists (select 1 from artifact_tags t where t.registry_id = a.registry_id
               and t.repository = a.repository and t.digest = a.digest and t.tag = :tag))
          and (cast(:service as text) is null or a.service_name = :service)
          and a.id < :before
        order by a.id desc limit :limit
        """)
                .param("repo", repository)
                .param("tag", tag)
                .param("service", service)
                .param("before", page.afterAsLong())
                .param("limit", page.limit() + 1)
                .query(this::row)
                .list();
        return page.page(rows, Row::id).map(this::view);
    }

    /** The artifact with this digest (the first catalogued, if several repositories hold it). */
    @Transactional(readOnly = true)
    public Artifact get(String digest) {
        new Digest(digest);
        return jdbc.sql(SELECT + " where a.digest = ? order by a.id limit 1")
                .param(digest)
                .query(this::row)
                .optional()
                .map(this::view)
                .orElseThrow(() -> new NotFound("artifact " + digest + " not found"));
    }

    /** Which of {@code digests} the catalogue holds (in any repository): what a page can link to. */
    @Transactional(readOnly = true)
    public Set<String> catalogued(Collection<String> digests) {
        if (digests.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select distinct digest from artifacts where digest = any(?)")
                .param(digests.stream().distinct().toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /** Every artifact of a repository that a tag points at now, newest first. */
    @Transactional(readOnly = true)
    public List<Artifact> tagged(String repository) {
        return jdbc.sql(SELECT + """
        where (a.repository = :repo or r.host || '/' || a.repository = :repo)
          and exists (select 1 from artifact_tags t where t.registry_id = a.registry_id and t.repository = a.repository
               and t.digest = a.digest)
        order by a.id desc
        """).param("repo", repository).query(this::row).list().stream()
                .map(this::view)
                .toList();
    }

    /** The content of a file extracted from a layer. */
    @Transactional(readOnly = true)
    public byte[] file(String layerDigest, String path) {
        new Digest(layerDigest);
        String normalised = path.startsWith("/") ? path.substring(1) : path;
        if (jdbc.sql("select count(*) from layers where digest = ?")
                        .param(layerDigest)
                        .query(Long.class)
                        .single()
                == 0) {
            throw new NotFound("layer " + layerDigest + " has not been scanned");
        }
        return jdbc.sql("select content from layer_files where layer_digest = ? and path = ?")
                .params(layerDigest, normalised)
                .query(byte[].class)
                .optional()
                .orElseThrow(
                        () -> new NotFound("layer " + layerDigest + " has no extracted file '" + normalised + "'"));
    }

    /** Findings (rejected or skipped entries) of a layer, for the record of why. */
    @Transactional(readOnly = true)
    public List<Map<String, String>> findings(String layerDigest) {
        return jdbc.sql("select kind, entry, reason from layer_findings where layer_digest = ? order by kind, entry")
                .param(layerDigest)
                .query((rs, n) -> Map.of("kind", rs.getString(1), "entry", rs.getString(2), "reason", rs.getString(3)))
                .list();
    }

    private record Row(long id, Artifact base) {}

    private Artifact view(Row row) {
        Artifact a = row.base();
        List<String> tags = jdbc.sql(
                        "select t.tag from artifact_tags t join registries r on r.id = t.registry_id where r.name = ? and t.repository = ? and t.digest = ? order by t.tag")
                .params(a.registry(), a.repository(), a.digest())
                .query(String.class)
                .list();
        List<Artifact.Layer> layers = jdbc.sql(
                        "select layer_digest, media_type, size from artifact_layers where artifact_id = ? order by position")
                .param(row.id())
                .query((rs, n) -> new Artifact.Layer(
                        rs.getString(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3)))
                .list();
        return new Artifact(
                a.registry(),
                a.repository(),
                a.digest(),
                a.mediaType(),
                a.size(),
                tags,
                a.parentDigest(),
                a.platform(),
                a.platforms(),
                a.labels(),
                a.annotations(),
                a.created(),
                a.serviceName(),
                a.gitUrl(),
                a.revision(),
                layers,
                files(layers),
                a.scanStatus(),
                a.scanError(),
                a.scannerVersion(),
                a.firstSeenAt());
    }

    /** The final file view: every layer's files of interest with whiteouts and opaque directories applied. */
    private List<Artifact.File> files(List<Artifact.Layer> layers) {
        List<LayerFiles> scans = new ArrayList<>();
        for (Artifact.Layer l : layers) {
            Optional<LayerScan> scan = jdbc.sql("""
          select whiteouts, opaque_directories, entries, uncompressed_bytes, truncated, notes from layers where digest = ?
          """)
                    .param(l.digest())
                    .query((rs, n) -> storedScan(l.digest(), rs))
                    .optional();
            scan.ifPresent(s -> scans.add(new LayerFiles(l.digest(), s)));
        }
        return FinalView.of(scans).files().stream()
                .map(f -> new Artifact.File(f.path(), f.layerDigest(), f.size(), f.sha256()))
                .toList();
    }

    /** A layer's stored scan without file contents: what the final view needs. */
    private LayerScan storedScan(String layerDigest, ResultSet rs) throws SQLException {
        List<ExtractedFile> files = jdbc.sql(
                        "select path, size, sha256 from layer_files where layer_digest = ? order by path")
                .param(layerDigest)
                .query((f, m) -> new ExtractedFile(f.getString(1), f.getLong(2), f.getString(3), new byte[0]))
                .list();
        List<Rejection> skipped = jdbc.sql(
                        "select entry, reason from layer_findings where layer_digest = ? and kind = 'skipped'")
                .param(layerDigest)
                .query((f, m) -> new Rejection(f.getString(1), f.getString(2)))
                .list();
        return new LayerScan(
                files,
                Arrays.asList((String[]) rs.getArray(1).getArray()),
                Arrays.asList((String[]) rs.getArray(2).getArray()),
                List.of(),
                skipped,
                rs.getLong(3),
                rs.getLong(4),
                rs.getBoolean(5),
                Arrays.asList((String[]) rs.getArray(6).getArray()));
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Timestamp created = rs.getTimestamp("created");
        String platform = rs.getString("platform");
        Artifact base = new Artifact(
                rs.getString("registry"),
                rs.getString("repository"),
                rs.getString("digest"),
                rs.getString("media_type"),
                rs.getObject("size") == null ? null : rs.getLong("size"),
                List.of(),
                rs.getString("parent_digest"),
                platform == null ? null : json.readValue(platform, OBJECT),
                json.readValue(rs.getString("platforms"), LIST),
                json.readValue(rs.getString("labels"), STRINGS),
                json.readValue(rs.getString("annotations"), STRINGS),
                created == null ? null : created.toInstant(),
                rs.getString("service_name"),
                rs.getString("git_url"),
                rs.getString("revision"),
                List.of(),
                List.of(),
                rs.getString("scan_status"),
                rs.getString("scan_error"),
                rs.getObject("scanner_version") == null ? null : rs.getInt("scanner_version"),
                rs.getTimestamp("first_seen_at").toInstant());
        return new Row(rs.getLong("id"), base);
    }
}
