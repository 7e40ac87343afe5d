package dev.catapult.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.artifact.BackfillRegistry;
import dev.catapult.artifact.ResolveTag;
import dev.catapult.artifact.ScanArtifact;
import dev.catapult.notify.DeliverNotification;
import dev.catapult.runtime.ReplayRuntimeEvents;
import dev.catapult.testing.ServerTest;
import dev.catapult.watch.EvaluateWatch;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Job payload records are stored as the maps the enqueueing code built before them (copied below from the
 * code they replaced), and rows in that shape, queued by an older server, still run.
 */
class JobPayloadsTest extends ServerTest {
    @Autowired
    JsonMapper json;

    /** {@code error}: what the handler (not the payload's decoding) says about the dangling names below. */
    record Case(String kind, Record payload, Map<String, Object> old, String json, String error) {
        @Override
        public String toString() {
            return kind + " " + json;
        }
    }

    static Stream<Case> cases() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", 7);
        details.put("image", null);
        details.put("author", "alice");
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("destination", "gone");
        notification.put("id", "n_01");
        notification.put("event", "release.created");
        notification.put("subject", "app/shop");
        notification.put("at", "2026-11-30T10:15:30.123456Z");
        notification.put("details", details);
        return Stream.of(
                new Case(
                        "evaluate-watch",
                        new EvaluateWatch(424242L, 434343L, "sweep"),
                        Map.of("appId", 424242L, "environmentId", 434343L, "trigger", "sweep"),
                        "{\"appId\":424242,\"environmentId\":434343,\"trigger\":\"sweep\"}",
                        ""),
                new Case(
                        "resolve-tag",
                        new ResolveTag("gone", "shop/api", "v1", "poll", false),
                        Map.of("registry", "gone", "repository", "shop/api", "tag", "v1", "source", "poll"),
                        "{\"registry\":\"gone\",\"repository\":\"shop/api\",\"tag\":\"v1\",\"source\":\"poll\"}",
                        "registry 'gone'"),
                new Case(
                        "resolve-tag",
                        new ResolveTag("gone", "shop/api", "v1", "admin", true),
                        Map.of(
                                "registry",
                                "gone",
                                "repository",
                                "shop/api",
                                "tag",
                                "v1",
                                "source",
                                "admin",
                                "rescan",
                                true),
                        "{\"registry\":\"gone\",\"repository\":\"shop/api\",\"tag\":\"v1\",\"source\":\"admin\","
                                + "\"rescan\":true}",
                        "registry 'gone'"),
                new Case(
                        "scan-artifact",
                        new ScanArtifact("gone", "shop/api", "sha256:" + "0".repeat(64)),
                        Map.of("registry", "gone", "repository", "shop/api", "digest", "sha256:" + "0".repeat(64)),
                        "{\"registry\":\"gone\",\"repository\":\"shop/api\",\"digest\":\"sha256:" + "0".repeat(64)
                                + "\"}",
                        "registry 'gone'"),
                new Case(
                        "backfill",
                        new BackfillRegistry("gone"),
                        Map.of("registry", "gone"),
                        "{\"registry\":\"gone\"}",
                        "registry 'gone'"),
                new Case(
                        "notify",
                        new DeliverNotification(
                                "gone", "n_01", "release.created", "app/shop", "2026-11-30T10:15:30.123456Z", details),
                        notification,
                        "{\"destination\":\"gone\",\"id\":\"n_01\",\"event\":\"release.created\",\"subject\":\"app/shop\","
                                + "\"at\":\"2026-11-30T10:15:30.123456Z\",\"details\":{\"version\":7,\"image\":null,"
                                + "\"author\":\"alice\"}}",
                        "destination 'gone'"),
                new Case(
                        "runtime-replay",
                        new ReplayRuntimeEvents("gone", true),
                        Map.of("source", "gone", "deadLetters", true),
                        "{\"source\":\"gone\",\"deadLetters\":true}",
                        "'gone'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aPayloadRecordIsStoredAsItsMapFormWasAndReadsBackFromIt(Case c) {
        String written = json.writeValueAsString(c.payload());
        assertThat(written).isEqualTo(c.json());
        String before = stored(json.writeValueAsString(c.old()));
        assertThat(stored(written)).isEqualTo(before);
        assertThat(json.readValue(before, c.payload().getClass())).isEqualTo(c.payload());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRowQueuedInTheMapFormRunsItsHandlerWithTheTypedPayload(Case c) throws InterruptedException {
        String id = "j_old_" + c.kind().replace('-', '_');
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
        insert into jobs (id, kind, dedupe_key, payload, status, max_attempts, run_at, created_at, updated_at)
        values (?, ?, null, cast(? as jsonb), 'queued', 1, ?, ?, ?)
        """)
                .params(id, c.kind(), json.writeValueAsString(c.old()), now, now, now)
                .update();
        Map<String, Object> row = awaitFinished(id);
        if (c.error().isEmpty()) {
            assertThat(row.get("status")).as(String.valueOf(row.get("error"))).isEqualTo("succeeded");
        } else {
            assertThat(row.get("status")).isEqualTo("failed");
            assertThat((String) row.get("error")).contains(c.error());
        }
    }

    private Map<String, Object> awaitFinished(String id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Map<String, Object> row = jdbc.sql("select status, error from jobs where id = ?")
                    .param(id)
                    .query()
                    .singleRow();
            if (row.get("status").equals("succeeded") || row.get("status").equals("failed")) {
                return row;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish in 30 s");
    }

    /** The payload as the jsonb column stores (and gives back) it. */
    private String stored(String payloadJson) {
        return jdbc.sql("select cast(? as jsonb)::text")
                .param(payloadJson)
                .query(String.class)
                .single();
    }
}
