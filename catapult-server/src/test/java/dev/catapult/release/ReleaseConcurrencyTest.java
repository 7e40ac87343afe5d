package dev.catapult.release;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** I1: versions stay unique, gapless and increasing under concurrent creators. */
class ReleaseConcurrencyTest extends ServerTest {
    private static final String REPO = "127.0.0.1:5000/shop/api";

    private List<Api.Response> race(int n, java.util.function.IntFunction<Api.Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<Api.Response>) () -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            List<Api.Response> out = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                out.add(f.get());
            }
            return out;
        }
    }

    @Test
    void fiftyConcurrentCreatorsGetVersionsOneToFifty() throws Exception {
        api.post("/api/v1/apps", map("name", "shop", "image", REPO));
        List<Api.Response> responses = race(
                50,
                i -> api.post(
                        "/api/v1/apps/shop/releases",
                        map("commit", sha(i + 1), "image", digestRef(REPO, i + 1), "commits", List.of(sha(i + 1)))));
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(201));
        assertThat(responses.stream()
                        .map(r -> r.json().get("version").asLong())
                        .sorted()
                        .toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'release.created'")
                        .query(Long.class)
                        .single())
                .isEqualTo(50);
        assertThat(api.get("/api/v1/audit/verify").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneRelease() throws Exception {
        api.post("/api/v1/apps", map("name", "shop", "image", REPO));
        List<Api.Response> responses = race(
                20,
                i -> api.post(
                        "/api/v1/apps/shop/releases",
                        map("commit", sha(1), "image", digestRef(REPO, 1)),
                        "Idempotency-Key",
                        "same-key"));
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(201));
        assertThat(responses.stream()
                        .map(r -> r.json().get("revision").asString())
                        .distinct())
                .hasSize(1);
        assertThat(api.get("/api/v1/apps/shop").json().get("latestVersion").asLong())
                .isEqualTo(1);
    }

    @Test
    void concurrentCreatorsOnManyAppsKeepEachAppGapless() throws Exception {
        for (String app : List.of("a", "b", "c")) {
            api.post("/api/v1/apps", map("name", app, "image", REPO));
        }
        List<Api.Response> responses = race(
                30,
                i -> api.post(
                        "/api/v1/apps/" + List.of("a", "b", "c").get(i % 3) + "/releases",
                        map("commit", sha(i + 1), "noImage", true)));
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        for (String app : List.of("a", "b", "c")) {
            assertThat(responses.stream()
                            .filter(r -> r.json().get("app").asString().equals(app))
                            .map(r -> r.json().get("version").asLong())
                            .sorted()
                            .toList())
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 10).boxed().toList());
        }
    }
}
