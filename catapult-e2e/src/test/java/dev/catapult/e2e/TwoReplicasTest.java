package dev.catapult.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.client.RawResponse;
import dev.catapult.testkit.database.TestDatabase;
import dev.catapult.testkit.server.ServerProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two server processes on one database behave as one ledger (SPEC §12). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoReplicasTest {
    private static final String TOKEN = Servers.ADMIN_TOKEN;
    private ServerProcess a;
    private ServerProcess b;
    private WebhookReceiver receiver;

    @BeforeAll
    void start() {
        String db = TestDatabase.fresh();
        receiver = new WebhookReceiver();
        Map<String, String> env = Map.of("E2E_WEBHOOK_SECRET", "replica-secret");
        a = Servers.start(db, env);
        b = Servers.start(db, env);
        Api.of(a.url(), TOKEN).exchangeJson("POST", "/api/v1/environments", Map.of("name", "dev", "rank", 10));
    }

    @AfterAll
    void stop() {
        a.close();
        b.close();
        receiver.close();
    }

    @Test
    void fiftyConcurrentReleasesSplitAcrossTwoServersAreNumberedOneToFifty() throws Exception {
        Api.of(a.url(), TOKEN)
                .exchangeJson("POST", "/api/v1/apps", Map.of("name", "split", "image", "127.0.0.1:5000/e2e/split"));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RawResponse>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                String base = (i % 2 == 0 ? a : b).url();
                String commit = String.format("%040x", i + 1);
                futures.add(pool.submit((Callable<RawResponse>) () -> {
                    go.await();
                    return Api.of(base, TOKEN)
                            .exchangeJson(
                                    "POST", "/api/v1/apps/split/releases", Map.of("commit", commit, "noImage", true));
                }));
            }
            go.countDown();
            List<Long> versions = new ArrayList<>();
            for (Future<RawResponse> f : futures) {
                RawResponse r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                versions.add(r.json().get("version").asLong());
            }
            assertThat(versions.stream().sorted().toList())
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 50).boxed().toList());
        }
        assertThat(Servers.auditChainVerifies(b)).isTrue();
    }

    @Test
    void eachDeployIsDispatchedOnceThoughBothServersLookForWork() {
        List<String> ids = new ArrayList<>();
        for (int app = 0; app < 8; app++) {
            String name = "fan-" + app;
            Api.of(a.url(), TOKEN)
                    .exchangeJson("POST", "/api/v1/apps", Map.of("name", name, "image", "127.0.0.1:5000/e2e/fan"));
            Api.of(a.url(), TOKEN)
                    .exchangeJson(
                            "PUT",
                            "/api/v1/apps/" + name + "/targets/dev",
                            Map.of(
                                    "deployer",
                                    Map.of(
                                            "type",
                                            "webhook",
                                            "url",
                                            receiver.url(),
                                            "secretEnv",
                                            "E2E_WEBHOOK_SECRET")));
            Api.of(a.url(), TOKEN)
                    .exchangeJson(
                            "POST",
                            "/api/v1/apps/" + name + "/releases",
                            Map.of("commit", String.format("%040x", app + 100), "noImage", true));
            for (int i = 0; i < 3; i++) {
                ServerProcess server = (i % 2 == 0) ? a : b;
                RawResponse r = Api.of(server.url(), TOKEN)
                        .exchangeJson("POST", "/api/v1/apps/" + name + "/deploys", Map.of("environment", "dev"));
                assertThat(r.status()).as(r.body()).isEqualTo(202);
                ids.add(r.json().get("id").asString());
            }
        }
        // Each deploy is handed to the webhook once, then reported succeeded, which lets the next one of its target
        // run.
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        List<String> pending = new ArrayList<>(ids);
        while (!pending.isEmpty() && Instant.now().isBefore(until)) {
            for (String id : List.copyOf(pending)) {
                String status = Api.of(a.url(), TOKEN)
                        .exchangeJson("GET", "/api/v1/deploys/" + id, null)
                        .json()
                        .get("status")
                        .asString();
                if (status.equals("in_progress") && receiver.deliveriesOf(id) > 0) {
                    Api.of(b.url(), TOKEN)
                            .exchangeJson("POST", "/api/v1/deploys/" + id + "/status", Map.of("status", "succeeded"));
                } else if (status.equals("succeeded")) {
                    pending.remove(id);
                }
            }
            Servers.sleep(100);
        }
        assertThat(pending).as("deploys not finished").isEmpty();
        for (String id : ids) {
            assertThat(receiver.deliveriesOf(id)).as("deliveries of " + id).isEqualTo(1);
        }
    }
}
