package dev.catapult.release;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LedgerFlowTest extends ServerTest {
    private static final String REPO = "127.0.0.1:5000/shop/api";

    @BeforeEach
    void environmentsAndApp() {
        assertThat(api.post("/api/v1/environments", map("name", "dev", "rank", 10))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/environments", map("name", "staging", "rank", 20))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/environments", map("name", "prod", "rank", 30))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/apps", map("name", "shop", "image", REPO, "team", "payments"))
                        .status())
                .isEqualTo(201);
    }

    private JsonNode release(int commit, List<String> commits) {
        Api.Response r = api.post(
                "/api/v1/apps/shop/releases",
                map(
                        "commit",
                        sha(commit),
                        "image",
                        digestRef(REPO, commit),
                        "changelog",
                        "change " + commit,
                        "commits",
                        commits));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json();
    }

    private JsonNode deploy(Object body) {
        Api.Response r = api.post("/api/v1/apps/shop/deploys", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        return awaitFinished(r.json().get("id").asString());
    }

    private JsonNode awaitFinished(String id) {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(until)) {
            JsonNode d = api.get("/api/v1/deploys/" + id).json();
            if (List.of("succeeded", "failed", "cancelled")
                    .contains(d.get("status").asString())) {
                return d;
            }
            sleep(50);
        }
        throw new AssertionError("deploy " + id + " did not finish");
    }

    @Test
    void versionsAreAssignedByTheServerInOrder() {
        assertThat(release(1, List.of(sha(1))).get("version").asLong()).isEqualTo(1);
        JsonNode second = release(2, List.of(sha(2)));
        assertThat(second.get("version").asLong()).isEqualTo(2);
        assertThat(second.get("author").asString()).isEqualTo("admin");
        assertThat(second.get("image").asString()).isEqualTo(digestRef(REPO, 2));
        assertThat(api.get("/api/v1/apps/shop/releases/latest")
                        .json()
                        .get("version")
                        .asLong())
                .isEqualTo(2);
        JsonNode list = api.get("/api/v1/apps/shop/releases").json();
        assertThat(list.get("items").findValuesAsString("commit")).containsExactly(sha(2), sha(1));
    }

    @Test
    void deployRedeployRollbackAndPromotionFollowTheLedger() {
        release(1, List.of(sha(1)));
        release(2, List.of(sha(2)));
        JsonNode first = deploy(map("environment", "dev"));
        assertThat(first.get("status").asString()).isEqualTo("succeeded");
        assertThat(first.get("version").asLong()).isEqualTo(2);
        assertThat(first.get("reason").asString()).isEqualTo("manual");

        JsonNode again = deploy(map("environment", "dev", "version", 2));
        assertThat(again.get("reason").asString()).isEqualTo("redeploy");
        assertThat(again.get("rollback").asBoolean()).isFalse();

        Api.Response refused = api.post("/api/v1/apps/shop/deploys", map("environment", "dev", "version", 1));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).contains("rollback");

        JsonNode back = deploy(map("environment", "dev", "version", 1, "rollback", true));
        assertThat(back.get("rollback").asBoolean()).isTrue();
        assertThat(back.get("reason").asString()).isEqualTo("rollback");
        assertThat(back.get("previousVersion").asLong()).isEqualTo(2);

        JsonNode promoted = awaitFinished(api.post("/api/v1/apps/shop/promote", map("from", "dev", "to", "staging"))
                .json()
                .get("id")
                .asString());
        assertThat(promoted.get("version").asLong()).isEqualTo(1);
        assertThat(promoted.get("reason").asString()).isEqualTo("promotion");

        Api.Response down = api.post("/api/v1/apps/shop/promote", map("from", "staging", "to", "dev"));
        assertThat(down.status()).isEqualTo(409);

        JsonNode status = api.get("/api/v1/status").json();
        assertThat(status.get("environments")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("dev", "staging", "prod");
        JsonNode dev = status.get("entries").get(0);
        assertThat(dev.get("environment").asString()).isEqualTo("dev");
        assertThat(dev.get("version").asLong()).isEqualTo(1);
        assertThat(dev.get("behind").asLong()).isEqualTo(1);
        JsonNode prod = status.get("entries").get(2);
        assertThat(prod.get("version").isNull()).isTrue();
        assertThat(prod.get("behind").asLong()).isEqualTo(2);
    }

    @Test
    void aHigherVersionThatDropsTheRunningCommitIsARollback() {
        release(1, List.of(sha(1)));
        release(2, List.of(sha(2)));
        // v3 is built from commit 1 again: its list names what it removes (commit 2).
        release(1, List.of(sha(2)));
        deploy(map("environment", "dev", "version", 2));
        Api.Response refused = api.post("/api/v1/apps/shop/deploys", map("environment", "dev", "version", 3));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(deploy(map("environment", "dev", "version", 3, "rollback", true))
                        .get("rollback")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void containsAnswersFromTheCommitLists() {
        release(1, List.of(sha(1)));
        release(2, List.of(sha(2), sha(3)));
        assertThat(api.get("/api/v1/apps/shop/releases/2/contains?commit=" + sha(3))
                        .json()
                        .get("contains")
                        .asBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/apps/shop/releases/2/contains?commit=" + sha(1))
                        .json()
                        .get("contains")
                        .asBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/apps/shop/releases/1/contains?commit=" + sha(3))
                        .json()
                        .get("contains")
                        .asBoolean())
                .isFalse();
        assertThat(api.get("/api/v1/apps/shop/releases/1/contains?commit=" + sha(99))
                        .json()
                        .get("contains")
                        .asString())
                .isEqualTo("unknown");
        assertThat(api.get("/api/v1/apps/shop/releases?contains=" + sha(3))
                        .json()
                        .get("items")
                        .findValuesAsString("commit"))
                .containsExactly(sha(2));
    }

    @Test
    void anIdempotentRetryReturnsTheOriginalRelease() {
        Object body = map("commit", sha(7), "image", digestRef(REPO, 7));
        Api.Response a = api.post("/api/v1/apps/shop/releases", body, "Idempotency-Key", "retry-1");
        Api.Response b = api.post("/api/v1/apps/shop/releases", body, "Idempotency-Key", "retry-1");
        assertThat(b.status()).isEqualTo(201);
        assertThat(b.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(b.json().get("revision").asString())
                .isEqualTo(a.json().get("revision").asString());
        assertThat(api.get("/api/v1/apps/shop").json().get("latestVersion").asLong())
                .isEqualTo(1);
        Api.Response c = api.post(
                "/api/v1/apps/shop/releases", map("commit", sha(8), "noImage", true), "Idempotency-Key", "retry-1");
        assertThat(c.status()).isEqualTo(409);
    }

    @Test
    void listsArePaginatedWithCursors() {
        for (int i = 1; i <= 7; i++) {
            release(i, List.of(sha(i)));
        }
        JsonNode page1 = api.get("/api/v1/apps/shop/releases?limit=3").json();
        assertThat(page1.get("items").findValuesAsString("commit")).containsExactly(sha(7), sha(6), sha(5));
        JsonNode page2 = api.get("/api/v1/apps/shop/releases?limit=3&cursor="
                        + page1.get("nextCursor").asString())
                .json();
        assertThat(page2.get("items").findValuesAsString("commit")).containsExactly(sha(4), sha(3), sha(2));
        JsonNode page3 = api.get("/api/v1/apps/shop/releases?limit=3&cursor="
                        + page2.get("nextCursor").asString())
                .json();
        assertThat(page3.get("items").findValuesAsString("commit")).containsExactly(sha(1));
        assertThat(page3.get("nextCursor").isNull()).isTrue();
        assertThat(api.get("/api/v1/apps/shop/releases?limit=501").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/apps/shop/releases?cursor=garbage!").status())
                .isEqualTo(400);
    }

    @Test
    void archivedAppsKeepTheirHistoryButTakeNoNewReleases() {
        release(1, List.of(sha(1)));
        assertThat(api.post("/api/v1/apps/shop/archive", map())
                        .json()
                        .get("archived")
                        .asBoolean())
                .isTrue();
        assertThat(api.post("/api/v1/apps/shop/releases", map("commit", sha(2), "noImage", true))
                        .status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/apps/shop/releases/1").status()).isEqualTo(200);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
