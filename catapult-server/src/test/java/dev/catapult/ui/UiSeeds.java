package dev.catapult.ui;

import dev.catapult.testing.Api;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catalogue and runtime rows written straight into the database, shaped as the scanner and the runtime
 * intake write them: the UI only reads them, so no registry or runtime source has to run.
 */
final class UiSeeds {
    static final String REPO = "127.0.0.1:5000/shop/api";
    /** An index (two platforms) that release v2 of shop points at, tagged 1.4.2. */
    static final String INDEX = digest(2);
    /** Its linux/amd64 image, catalogued and scanned. */
    static final String IMAGE = digest(0xa);
    /** Its linux/arm64 image, listed by the index but not catalogued. */
    static final String ARM_IMAGE = digest(0xb);

    static final String LAYER_1 = digest(0x11);
    static final String LAYER_2 = digest(0x12);
    /** Not UTF-8 text on purpose: the download must be the exact bytes. */
    static final byte[] CONFIG_BYTES = {'k', ':', ' ', 'v', '\n', 0, (byte) 0xff, (byte) 0xfe, 0x7f};

    static final String HTML_FILE = "<script>alert('from an image')</script>";

    private UiSeeds() {}

    /** Environments dev (rank 10) and prod (rank 30) and app shop on {@link #REPO}, through the API. */
    static void shopInDevAndProd(Api api) {
        api.post("/api/v1/environments", Api.map("name", "dev", "rank", 10));
        api.post("/api/v1/environments", Api.map("name", "prod", "rank", 30));
        api.post("/api/v1/apps", Api.map("name", "shop", "image", REPO));
    }

    static String digest(int n) {
        return "sha256:" + String.format("%064x", n);
    }

    static void catalogue(JdbcClient jdbc) {
        long registry = jdbc.sql("""
        insert into registries (name, url, host, auth_type, poll_interval_seconds, defined_in, created_at, updated_at)
        values ('local', 'http://127.0.0.1:5000', '127.0.0.1:5000', 'none', 60, 'api', now(), now()) returning id
        """).query(Long.class).single();
        layer(jdbc, LAYER_1, "etc/app/config.yaml", CONFIG_BYTES);
        layer(jdbc, LAYER_2, "app/index.html", HTML_FILE.getBytes(StandardCharsets.UTF_8));
        jdbc.sql("""
        insert into artifacts (registry_id, repository, digest, media_type, size, platforms, annotations, scan_status, first_seen_at)
        values (?, 'shop/api', ?, 'application/vnd.oci.image.index.v1+json', 512, cast(? as jsonb),
                '{"org.opencontainers.image.vendor": "Shop Ltd"}', 'scanned', now() - interval '1 hour')
        """)
                .params(
                        registry,
                        INDEX,
                        "[{\"os\": \"linux\", \"architecture\": \"amd64\", \"digest\": \"" + IMAGE + "\"},"
                                + " {\"os\": \"linux\", \"architecture\": \"arm64\", \"variant\": \"v8\", \"digest\": \""
                                + ARM_IMAGE + "\"}]")
                .update();
        long image = jdbc.sql("""
        insert into artifacts (registry_id, repository, digest, media_type, size, parent_digest, platform, labels, annotations,
          created, service_name, git_url, revision, scan_status, scanner_version, scanned_at, first_seen_at)
        values (?, 'shop/api', ?, 'application/vnd.oci.image.manifest.v1+json', 1234, ?, '{"os": "linux", "architecture": "amd64"}',
          cast(? as jsonb), '{"org.opencontainers.image.created": "2026-03-01T10:00:00Z"}', '2026-03-01T10:00:00Z', 'shop',
          'https://git.example/shop.git', ?, 'scanned', 1, now(), now())
        returning id
        """)
                .params(
                        registry,
                        IMAGE,
                        INDEX,
                        "{\"maintainer\": \"<b>team shop</b>\", \"org.opencontainers.image.source\": \"https://git.example/shop\"}",
                        String.format("%040x", 2))
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into artifact_layers (artifact_id, position, layer_digest, media_type, size) values (?, 0, ?, 'application/vnd.oci.image.layer.v1.tar+gzip', 2048), (?, 1, ?, 'application/vnd.oci.image.layer.v1.tar+gzip', 4096)")
                .params(image, LAYER_1, image, LAYER_2)
                .update();
        jdbc.sql(
                        "insert into artifact_tags (registry_id, repository, tag, digest, updated_at) values (?, 'shop/api', '1.4.2', ?, now())")
                .params(registry, INDEX)
                .update();
    }

    private static void layer(JdbcClient jdbc, String digest, String path, byte[] content) {
        jdbc.sql("""
        insert into layers (digest, media_type, size, scanner_version, entries, uncompressed_bytes, truncated, scanned_at)
        values (?, 'application/vnd.oci.image.layer.v1.tar+gzip', 2048, 1, 3, 10240, false, now())
        """).param(digest).update();
        jdbc.sql("insert into layer_files (layer_digest, path, size, sha256, content) values (?, ?, ?, ?, ?)")
                .params(digest, path, content.length, sha256(content), content)
                .update();
    }

    /** Four instances from one runtime source: shop in prod (running, stopped), shop in dev (pending), cart in dev. */
    static void instances(JdbcClient jdbc) {
        long source = jdbc.sql(
                        "insert into runtime_sources (name, type, secret_env, created_at) values ('ecs-main', 'webhook', 'UI_TEST_HOOK_SECRET', now()) returning id")
                .query(Long.class)
                .single();
        instance(jdbc, source, "aaa111", "shop", "prod", "1.4.2", IMAGE, "running", null, 1);
        instance(jdbc, source, "bbb222", "shop", "dev", "1.5.0", digest(0xc), "pending", null, 2);
        instance(
                jdbc,
                source,
                "ccc333",
                "shop",
                "prod",
                "1.4.1",
                digest(0xd),
                "stopped",
                "Essential container in task exited",
                3);
        instance(jdbc, source, "ddd444", "cart", "dev", "0.9.0", null, "running", null, 4);
    }

    private static void instance(
            JdbcClient jdbc,
            long source,
            String task,
            String app,
            String env,
            String tag,
            String digest,
            String status,
            String stoppedReason,
            int minutesAgo) {
        jdbc.sql("""
        insert into instances (source_id, task_arn, account, environment_id, app_id, service, container, repository, tag, digest,
          status, desired_status, stopped_reason, version, started_at, updated_at, first_seen_at)
        values (?, ?, '111122223333', (select id from environments where name = ?), (select id from apps where name = ?), ?, 'app',
          ?, ?, ?, ?, ?, ?, 1, now() - interval '1 hour', now() - make_interval(mins => ?), now() - interval '1 hour')
        """)
                .params(
                        source,
                        "arn:aws:ecs:eu-west-1:111122223333:task/main/" + task,
                        env,
                        app,
                        app,
                        "127.0.0.1:5000/" + app + "/api",
                        tag,
                        digest,
                        status,
                        status.equals("stopped") ? "STOPPED" : "RUNNING",
                        stoppedReason,
                        minutesAgo)
                .update();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
