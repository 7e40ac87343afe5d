package dev.catapult.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.client.RawResponse;
import dev.catapult.testkit.database.TestDatabase;
import dev.catapult.testkit.server.ServerProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** I3: a deploy accepted by a server that is then killed is finished by the next server, never left running. */
class CrashRecoveryTest {
    private static final String TOKEN = Servers.ADMIN_TOKEN;

    private static JsonNode awaitStatus(ServerProcess server, String id, String status, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        JsonNode d = null;
        while (Instant.now().isBefore(until)) {
            d = Api.of(server.url(), TOKEN)
                    .exchangeJson("GET", "/api/v1/deploys/" + id, null)
                    .json();
            if (d.get("status").asString().equals(status)) {
                return d;
            }
            Servers.sleep(100);
        }
        throw new AssertionError("deploy " + id + " is " + (d == null ? "?" : d.get("status")) + ", not " + status
                + "\n" + server.logTail(60));
    }

    private static String setUp(ServerProcess server, Map<String, Object> deployer) {
        created(server, "POST", "/api/v1/environments", Map.of("name", "prod", "rank", 30));
        created(server, "POST", "/api/v1/apps", Map.of("name", "api", "image", "127.0.0.1:5000/e2e/api"));
        created(server, "PUT", "/api/v1/apps/api/targets/prod", Map.of("deployer", deployer));
        created(server, "POST", "/api/v1/apps/api/releases", Map.of("commit", "a".repeat(40), "noImage", true));
        RawResponse r = Api.of(server.url(), TOKEN)
                .exchangeJson("POST", "/api/v1/apps/api/deploys", Map.of("environment", "prod"));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("id").asString();
    }

    /** A set-up call that must succeed; its answer explains a failure. */
    private static void created(ServerProcess server, String method, String path, Map<String, Object> body) {
        RawResponse r = Api.of(server.url(), TOKEN).exchangeJson(method, path, body);
        assertThat(r.status()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
    }

    @Test
    void aDeployAwaitingAReportWhenItsServerIsKilledFailsAtItsDeadlineAfterRestart() {
        String db = TestDatabase.fresh();
        ServerProcess first = Servers.start(db, Map.of());
        String id = setUp(first, Map.of("type", "record", "awaitReport", true, "timeout", "4s"));
        awaitStatus(first, id, "in_progress", Duration.ofSeconds(20));
        first.kill();
        try (ServerProcess second = Servers.start(db, Map.of())) {
            JsonNode failed = awaitStatus(second, id, "failed", Duration.ofSeconds(30));
            assertThat(failed.get("message").asString()).contains("timed out");
            assertThat(Servers.auditChainVerifies(second)).isTrue();
        }
    }

    @Test
    void aDispatchCutShortByACrashIsTakenOverAndCompleted() {
        String db = TestDatabase.fresh();
        Map<String, String> env = Map.of("E2E_WEBHOOK_SECRET", "crash-secret", "CATAPULT_DEPLOYS_LEASE", "3s");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.hang = true;
            ServerProcess first = Servers.start(db, env);
            String id = setUp(
                    first,
                    Map.of(
                            "type",
                            "webhook",
                            "url",
                            receiver.url(),
                            "secretEnv",
                            "E2E_WEBHOOK_SECRET",
                            "timeout",
                            "5m"));
            Instant until = Instant.now().plusSeconds(20);
            while (receiver.deliveriesOf(id) == 0 && Instant.now().isBefore(until)) {
                Servers.sleep(50);
            }
            assertThat(receiver.deliveriesOf(id)).isEqualTo(1);
            first.kill();
            receiver.hang = false;
            try (ServerProcess second = Servers.start(db, env)) {
                until = Instant.now().plusSeconds(30);
                while (receiver.deliveriesOf(id) < 2 && Instant.now().isBefore(until)) {
                    Servers.sleep(100);
                }
                assertThat(receiver.deliveriesOf(id))
                        .as("re-dispatched by the second server")
                        .isEqualTo(2);
                Api.of(second.url(), TOKEN)
                        .exchangeJson("POST", "/api/v1/deploys/" + id + "/status", Map.of("status", "succeeded"));
                JsonNode done = awaitStatus(second, id, "succeeded", Duration.ofSeconds(10));
                assertThat(done.get("history").findValuesAsString("message"))
                        .anyMatch(m -> m != null && m.contains("taken over"));
            }
        }
    }
}
