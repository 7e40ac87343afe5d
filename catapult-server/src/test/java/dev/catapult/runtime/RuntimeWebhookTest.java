package dev.catapult.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.platform.WebhookSignature;
import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed runtime webhook end to end: signature checks before anything is stored, the generic event
 * format and ECS events, crash-loop detection, correlation with Catapult's deploys, replay, paging.
 */
class RuntimeWebhookTest extends ServerTest {
    private static final String SECRET = "runtime-hook-secret-0123456789";
    private static final String REPOSITORY = "registry.example.com:5000/shop/api";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.now().minusSeconds(60);

    @BeforeAll
    static void secret() {
        System.setProperty("RUNTIME_TEST_HOOK_SECRET", SECRET);
    }

    @BeforeEach
    void environmentAppAndSource() {
        created(api.post(
                "/api/v1/environments", Api.map("name", "prod", "rank", 30, "accounts", List.of("123456789012"))));
        created(api.post("/api/v1/apps", Api.map("name", "shop", "image", REPOSITORY)));
        created(api.post(
                "/api/v1/runtime-sources",
                Api.map("name", "hooks", "type", "webhook", "secretEnv", "RUNTIME_TEST_HOOK_SECRET")));
    }

    @Test
    void aSignedInstanceEventIsAppliedAndShowsInWhatsRunningWhere() {
        Api.Response r = deliver(instance("e1", "web-1", "running", 1, digest(1)));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        assertThat(r.json().get("result").asString()).isEqualTo("applied");

        JsonNode entry = onlyEntry();
        assertThat(entry.get("app").asString()).isEqualTo("shop");
        assertThat(entry.get("environment").asString()).isEqualTo("prod");
        assertThat(entry.get("running").asInt()).isEqualTo(1);
        assertThat(entry.get("unstable").asBoolean()).isFalse();
        assertThat(entry.get("versions").get(0).get("digest").asString()).isEqualTo(digest(1));
        assertThat(entry.get("versions").get(0).get("tag").asString()).isEqualTo("1.0.0");
    }

    @Test
    void forgedStaleOrMissingSignaturesAreRefusedBeforeAnythingIsStored() {
        String body = instance("e1", "web-1", "running", 1, digest(1));
        String now = Long.toString(Instant.now().getEpochSecond());
        String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
        List<Api.Response> refused = List.of(
                hook(
                        "hooks",
                        body,
                        "X-Catapult-Timestamp",
                        now,
                        "X-Catapult-Signature",
                        WebhookSignature.header("wrong-secret", now, bytes(body))),
                hook(
                        "hooks",
                        body,
                        "X-Catapult-Timestamp",
                        stale,
                        "X-Catapult-Signature",
                        WebhookSignature.header(SECRET, stale, bytes(body))),
                hook("hooks", body, "X-Catapult-Timestamp", now),
                hook(
                        "hooks",
                        body,
                        "X-Catapult-Timestamp",
                        "soon",
                        "X-Catapult-Signature",
                        WebhookSignature.header(SECRET, "soon", bytes(body))),
                // signed for another body
                hook(
                        "hooks",
                        body.replace("web-1", "web-2"),
                        "X-Catapult-Timestamp",
                        now,
                        "X-Catapult-Signature",
                        WebhookSignature.header(SECRET, now, bytes(body))),
                hook(
                        "nope",
                        body,
                        "X-Catapult-Timestamp",
                        now,
                        "X-Catapult-Signature",
                        WebhookSignature.header(SECRET, now, bytes(body))));
        for (Api.Response r : refused) {
            assertThat(r.status()).as(r.raw()).isEqualTo(401);
            assertThat(r.raw()).doesNotContain(SECRET);
        }
        assertThat(count("runtime_events")).isZero();
        assertThat(count("runtime_dead_letters")).isZero();
        assertThat(count("instances")).isZero();
    }

    @Test
    void aReplayedDeliveryChangesNothingAndAStaleEventIsIgnored() {
        String newer = instance("e2", "web-1", "running", 5, digest(2));
        assertThat(deliver(newer).status()).isEqualTo(202);
        Api.Response again = deliver(newer);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.json().get("result").asString()).isEqualTo("duplicate");
        Api.Response older = deliver(instance("e1", "web-1", "running", 4, digest(1)));
        assertThat(older.json().get("result").asString()).isEqualTo("unchanged");

        assertThat(onlyEntry().get("versions").get(0).get("digest").asString()).isEqualTo(digest(2));
        assertThat(count("runtime_events")).isEqualTo(2);
    }

    @Test
    void concurrentDuplicateAndOutOfOrderDeliveriesLeaveTheNewestStateAndOneArchiveRowEach() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int v = 1; v <= 12; v++) {
            String body = instance("c" + v, "web-1", v == 12 ? "stopped" : "running", v, digest(v));
            bodies.add(body);
            bodies.add(body); // each delivered twice, at the same time
        }
        java.util.Collections.shuffle(bodies, new java.util.Random(7));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<Api.Response>> sent = new ArrayList<>();
            for (String b : bodies) {
                sent.add(pool.submit(() -> deliver(b)));
            }
            for (var f : sent) {
                assertThat(f.get().status()).as(f.get().raw()).isIn(200, 202);
            }
        }
        assertThat(count("runtime_events")).isEqualTo(12);
        JsonNode instance = api.get("/api/v1/instances").json().get("items").get(0);
        assertThat(instance.get("version").asLong()).isEqualTo(12);
        assertThat(instance.get("status").asString()).isEqualTo("stopped");
        assertThat(instance.get("digest").asString()).isEqualTo(digest(12));
        assertThat(api.get("/api/v1/whats-running-where").json().get("items").size())
                .isZero();
    }

    @Test
    void unreadableSignedEventsAreRefusedWithTheReasonAndKeptAsDeadLetters() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("not json", "not JSON");
        bad.put("[1,2]", "not a JSON object");
        bad.put(instance("e1", "web-1", "exploded", 1, digest(1)), "status");
        bad.put(instance("e1", "web-1", "running", 1, "sha256:abc"), "digest");
        bad.put("{\"id\":\"x\",\"type\":\"mystery\",\"time\":\"" + T0 + "\"}", "not a runtime event type");
        bad.put("{\"id\":\"x\",\"type\":\"instance\",\"time\":\"yesterday\"}", "time");
        bad.put("{\"type\":\"instance\",\"time\":\"" + T0 + "\"}", "id");
        bad.put(
                instance("e1", "web-1", "running", 1, digest(1)).replace("\"exitCode\":null", "\"exitCode\":\"one\""),
                "exitCode");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Api.Response r = deliver(e.getKey());
            assertThat(r.status()).as(e.getKey() + " → " + r.raw()).isEqualTo(400);
            assertThat(r.raw()).contains(e.getValue());
        }
        assertThat(count("runtime_dead_letters")).isEqualTo(bad.size());
        assertThat(count("runtime_events")).isZero();
        // the queue is not blocked: a good event behind them goes through
        assertThat(deliver(instance("e9", "web-1", "running", 1, digest(1))).status())
                .isEqualTo(202);
    }

    @Test
    void anOversizedBodyIsRefused() {
        String huge = instance("e1", "web-1", "running", 1, digest(1))
                .replace("\"reason\":null", "\"reason\":\"" + "x".repeat(1_100_000) + "\"");
        assertThat(deliver(huge).status()).isEqualTo(413);
        assertThat(count("runtime_events")).isZero();
    }

    @Test
    void ecsEventsAreAcceptedThroughTheWebhookToo() {
        Api.Response r = deliver(dev.catapult.runtime.sqs.EcsFixtures.TASK_RUNNING);
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        assertThat(r.json().get("result").asString()).isEqualTo("applied");
        assertThat(api.get("/api/v1/instances")
                        .json()
                        .get("items")
                        .get(0)
                        .get("container")
                        .asString())
                .isEqualTo("FargateApp");
    }

    @Test
    void threeUnexpectedExitsInTenMinutesMakeTheAppUnstable() {
        deliver(instance("r1", "web-1", "running", 1, digest(1)));
        deliver(instance("r2", "web-2", "running", 1, digest(1)));
        // a rollout stopping a task with SIGTERM is not a failure
        deliver(stopped("s0", "web-0", 2, 143, "ServiceSchedulerInitiated"));
        assertThat(onlyEntry().get("recentFailures").asInt()).isZero();
        deliver(stopped("s1", "web-3", 2, 1, null));
        deliver(stopped("s2", "web-4", 2, 137, "OutOfMemory"));
        JsonNode two = onlyEntry();
        assertThat(two.get("recentFailures").asInt()).isEqualTo(2);
        assertThat(two.get("unstable").asBoolean()).isFalse();
        deliver(stopped("s3", "web-5", 2, null, "TaskFailedToStart"));
        // delivering the same exit again counts once
        deliver(stopped("s3", "web-5", 2, null, "TaskFailedToStart"));

        JsonNode entry = onlyEntry();
        assertThat(entry.get("recentFailures").asInt()).isEqualTo(3);
        assertThat(entry.get("unstable").asBoolean()).isTrue();
        assertThat(entry.get("running").asInt()).isEqualTo(2);
        JsonNode exited =
                api.get("/api/v1/instances?status=stopped&limit=10").json().get("items");
        assertThat(exited.size()).isEqualTo(4);
    }

    @Test
    void anAwaitingDeployIsCompletedByTheInstanceThatSaysItCameFromIt() throws InterruptedException {
        String id = awaitingDeploy(digest(7));
        Api.Response r = deliver(instance("e1", "web-1", "pending", 1, digest(7))
                .replace("\"deployId\":null", "\"deployId\":\"" + id + "\""));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        assertThat(status(id)).isEqualTo("in_progress");
        r = deliver(instance("e2", "web-1", "running", 2, digest(7))
                .replace("\"deployId\":null", "\"deployId\":\"" + id + "\""));
        assertThat(r.json().get("detail").asString()).contains("deploy " + id + " succeeded");

        assertThat(status(id)).isEqualTo("succeeded");
        JsonNode version = onlyEntry().get("versions").get(0);
        assertThat(version.get("deployId").asString()).isEqualTo(id);
        assertThat(version.get("version").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select actor from audit_events where action = 'deploy.reported'")
                        .query(String.class)
                        .single())
                .isEqualTo("runtime:hooks");
    }

    @Test
    void aFailedRolloutFailsTheAwaitingDeployAndACompletedOneSucceedsIt() throws InterruptedException {
        String first = awaitingDeploy(digest(7));
        deliver(instance("e1", "web-1", "running", 1, digest(7)));
        deliver(rollout("r1", "shop", "in_progress", false, "started"));
        assertThat(status(first)).isEqualTo("in_progress");
        Api.Response r = deliver(rollout("r2", "shop", "completed", false, "steady"));
        assertThat(r.json().get("detail").asString()).contains("succeeded");
        assertThat(status(first)).isEqualTo("succeeded");

        created(api.post(
                "/api/v1/apps/shop/releases", Api.map("commit", sha(2), "image", REPOSITORY + "@" + digest(8))));
        String second = deploy();
        deliver(rollout("r3", "shop", "failed", true, "tasks kept failing"));
        assertThat(status(second)).isEqualTo("failed");
        assertThat(api.get("/api/v1/deploys/" + second).raw()).contains("rolled back");
        JsonNode rollout = onlyEntry().get("rollout");
        assertThat(rollout.get("rollback").asBoolean()).isTrue();
        assertThat(rollout.get("state").asString()).isEqualTo("failed");
    }

    @Test
    void replayRebuildsTheStateWithMappingsMadeSinceAndRetriesDeadLetters() throws InterruptedException {
        // an account no environment lists yet: the instance is stored, but unplaced
        deliver(instance("e1", "web-1", "running", 1, digest(1)).replace("123456789012", "999999999999"));
        assertThat(api.get("/api/v1/whats-running-where").json().get("items").size())
                .isZero();
        jdbc.sql(
                        "insert into runtime_dead_letters (source_id, message_id, body, reason, received_at) "
                                + "select id, null, ?, 'an older reader could not read it', now() from runtime_sources where name = 'hooks'")
                .param(instance("e2", "web-2", "running", 1, digest(1)))
                .update();

        Api.Response patched =
                api.patch("/api/v1/environments/prod", Api.map("accounts", List.of("123456789012", "999999999999")));
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        Api.Response job = api.post("/api/v1/runtime-sources/hooks/replay", Api.map("deadLetters", true));
        assertThat(job.status()).as(job.raw()).isEqualTo(202);
        JsonNode done = awaitJob(job.json().get("id").asString());
        assertThat(done.get("progress").get("replayed").asLong()).isEqualTo(2);
        assertThat(done.get("progress").get("deadLettersRecovered").asLong()).isEqualTo(1);

        assertThat(onlyEntry().get("running").asInt()).isEqualTo(2);
        assertThat(count("runtime_dead_letters")).isZero();
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'runtime-source.replayed'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.post("/api/v1/runtime-sources/nope/replay", Map.of()).status())
                .isEqualTo(404);
        assertThat(api.postRaw("/api/v1/runtime-sources/hooks/replay", "{\"deadLetters\":\"yes\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.as(tokenFor("reader", "user", "read"))
                        .post("/api/v1/runtime-sources/hooks/replay", Map.of())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void whatsRunningWhereAndInstancesArePaged() {
        created(api.post(
                "/api/v1/environments", Api.map("name", "dev", "rank", 10, "accounts", List.of("210987654321"))));
        for (String app : List.of("gamma", "alpha", "beta")) {
            created(api.post("/api/v1/apps", Api.map("name", app, "image", "registry.example.com/" + app)));
            for (String account : List.of("123456789012", "210987654321")) {
                deliver(instance(app + account, app + "-" + account, "running", 1, digest(1))
                        .replace(REPOSITORY, "registry.example.com/" + app)
                        .replace("\"account\":\"123456789012\"", "\"account\":\"" + account + "\""));
            }
        }
        List<String> cells = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page =
                    api.get("/api/v1/whats-running-where?limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            page.json()
                    .get("items")
                    .forEach(e -> cells.add(
                            e.get("app").asString() + "/" + e.get("environment").asString()));
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(cells)
                .containsExactly("alpha/dev", "alpha/prod", "beta/dev", "beta/prod", "gamma/dev", "gamma/prod");
        assertThat(pages).isEqualTo(2);
        assertThat(api.get("/api/v1/whats-running-where?service=beta")
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(2);

        List<String> tasks = new ArrayList<>();
        cursor = null;
        do {
            Api.Response page = api.get("/api/v1/instances?limit=4" + (cursor == null ? "" : "&cursor=" + cursor));
            page.json().get("items").forEach(e -> tasks.add(e.get("taskArn").asString()));
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asString();
        } while (cursor != null);
        assertThat(tasks).hasSize(6).doesNotHaveDuplicates();
        assertThat(api.get("/api/v1/whats-running-where?cursor=" + dev.catapult.platform.PageRequest.encode("alpha"))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/whats-running-where?cursor=garbage").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/instances?cursor=" + dev.catapult.platform.PageRequest.encode("x"))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/instances?status=exploded").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/whats-running-where?limit=501").status()).isEqualTo(400);
    }

    private String awaitingDeploy(String digest) throws InterruptedException {
        Api.Response t = api.put(
                "/api/v1/apps/shop/targets/prod", Api.map("deployer", Api.map("type", "record", "awaitReport", true)));
        assertThat(t.status()).as(t.raw()).isBetween(200, 201);
        created(api.post("/api/v1/apps/shop/releases", Api.map("commit", sha(1), "image", REPOSITORY + "@" + digest)));
        return deploy();
    }

    private String deploy() throws InterruptedException {
        Api.Response d = api.post("/api/v1/apps/shop/deploys", Api.map("environment", "prod"));
        assertThat(d.status()).as(d.raw()).isEqualTo(202);
        String id = d.json().get("id").asString();
        Instant deadline = Instant.now().plusSeconds(20);
        while (!status(id).equals("in_progress") && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(status(id)).isEqualTo("in_progress");
        return id;
    }

    private String status(String deployId) {
        return api.get("/api/v1/deploys/" + deployId).json().get("status").asString();
    }

    private JsonNode awaitJob(String id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = api.get("/api/v1/admin/jobs/" + id).json();
            if (job.get("status").asString().equals("succeeded")) {
                return job;
            }
            assertThat(job.get("status").asString()).as(job.toString()).isIn("queued", "running");
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    private static String instance(String id, String instance, String status, long version, String digest) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("type", "instance");
        e.put("time", T0.plusSeconds(version).toString());
        e.put("account", "123456789012");
        e.put("instance", instance);
        e.put("service", "shop");
        e.put("image", REPOSITORY + ":1.0.0");
        e.put("digest", digest);
        e.put("status", status);
        e.put("version", version);
        e.put("exitCode", null);
        e.put("reason", null);
        e.put("deployId", null);
        return JSON.writeValueAsString(e);
    }

    private static String stopped(String id, String instance, long version, Integer exitCode, String stopCode) {
        Map<String, Object> e = JSON.readValue(instance(id, instance, "stopped", version, digest(1)), Map.class);
        e.put("exitCode", exitCode);
        e.put("stopCode", stopCode);
        return JSON.writeValueAsString(e);
    }

    private static String rollout(String id, String service, String state, boolean rollback, String reason) {
        return JSON.writeValueAsString(Api.map(
                "id",
                id,
                "type",
                "rollout",
                "time",
                Instant.now().toString(),
                "account",
                "123456789012",
                "rollout",
                "rollout-1",
                "service",
                service,
                "state",
                state,
                "rollback",
                rollback,
                "reason",
                reason));
    }

    private static String digest(int n) {
        return "sha256:" + String.format("%064x", n);
    }

    private Api.Response deliver(String body) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return hook(
                "hooks",
                body,
                "X-Catapult-Timestamp",
                ts,
                "X-Catapult-Signature",
                WebhookSignature.header(SECRET, ts, bytes(body)));
    }

    private Api.Response hook(String source, String body, String... headers) {
        return new Api(api.base(), null).post("/hooks/runtime/" + source, body, headers);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private JsonNode onlyEntry() {
        Api.Response r = api.get("/api/v1/whats-running-where?service=shop");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().get("items").size()).as(r.raw()).isEqualTo(1);
        return r.json().get("items").get(0);
    }

    private static void created(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }
}
