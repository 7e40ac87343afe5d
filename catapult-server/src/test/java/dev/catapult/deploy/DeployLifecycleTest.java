package dev.catapult.deploy;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.catapult.access.TotpCodes;
import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeployLifecycleTest extends ServerTest {
    private static final String REPO = "127.0.0.1:5000/shop/api";

    @BeforeEach
    void ledger() {
        api.post("/api/v1/environments", map("name", "dev", "rank", 10));
        api.post("/api/v1/environments", map("name", "prod", "rank", 30, "protected", true, "requiredApprovals", 2));
        api.post("/api/v1/apps", map("name", "shop", "image", REPO));
        api.post("/api/v1/apps/shop/releases", map("commit", sha(1), "image", digestRef(REPO, 1)));
    }

    private JsonNode await(String id, String status) {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        JsonNode d = null;
        while (Instant.now().isBefore(until)) {
            d = api.get("/api/v1/deploys/" + id).json();
            if (d.get("status").asString().equals(status)) {
                return d;
            }
            sleep(50);
        }
        throw new AssertionError("deploy " + id + " is " + d.get("status") + ", not " + status);
    }

    @Test
    void approvalsNeedDistinctApproversOtherThanTheRequester() {
        String requester = tokenFor("requester", "service", "deploy:*:*");
        String approver1 = tokenFor("approver1", "service", "deploy:shop:prod");
        String approver2 = tokenFor("approver2", "service", "deploy:*:prod");
        String outsider = tokenFor("outsider", "service", "deploy:shop:dev");
        JsonNode d = api.as(requester)
                .post("/api/v1/apps/shop/deploys", map("environment", "prod"))
                .json();
        assertThat(d.get("status").asString()).isEqualTo("pending_approval");
        String id = d.get("id").asString();
        assertThat(approve(requester, id).status()).isEqualTo(403);
        assertThat(approve(outsider, id).status()).isEqualTo(403);
        assertThat(approve(approver1, id).json().get("status").asString()).isEqualTo("pending_approval");
        assertThat(approve(approver1, id).status()).isEqualTo(409);
        assertThat(approve(approver2, id).status()).isEqualTo(200);
        JsonNode done = await(id, "succeeded");
        assertThat(done.get("approvals").findValuesAsString("approver")).containsExactly("approver1", "approver2");
        assertThat(done.get("history").findValuesAsString("status"))
                .containsExactly("pending_approval", "queued", "in_progress", "succeeded");
    }

    @Test
    void enrolledUsersNeedAFreshTotpCodeOnProtectedEnvironments() {
        api.patch("/api/v1/environments/prod", map("requiredApprovals", 0));
        EnrolledUser enrolled = enrolledUser("alice");
        String alice = enrolled.token();
        String secret = enrolled.secret();

        assertThat(api.as(alice)
                        .post("/api/v1/apps/shop/deploys", map("environment", "prod"))
                        .status())
                .isEqualTo(403);
        assertThat(api.as(alice)
                        .post("/api/v1/apps/shop/deploys", map("environment", "prod", "otp", "123456"))
                        .status())
                .isEqualTo(403);
        String code = TotpCodes.at(secret, Instant.now());
        Api.Response ok = api.as(alice).post("/api/v1/apps/shop/deploys", map("environment", "prod", "otp", code));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(202);
        Api.Response replay = api.as(alice).post("/api/v1/apps/shop/deploys", map("environment", "prod", "otp", code));
        assertThat(replay.status()).isEqualTo(403);
        assertThat(replay.detail()).contains("already used");
        assertThat(api.as(alice)
                        .post("/api/v1/apps/shop/deploys", map("environment", "dev"))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void repeatedWrongTotpCodesLockStepUpForAWhile() {
        api.patch("/api/v1/environments/prod", map("requiredApprovals", 0));
        EnrolledUser enrolled = enrolledUser("mallory");
        String token = enrolled.token();
        String secret = enrolled.secret();
        String wrong = TotpCodes.at(secret, Instant.now()).equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(api.as(token)
                            .post("/api/v1/apps/shop/deploys", map("environment", "prod", "otp", wrong))
                            .status())
                    .isEqualTo(403);
        }
        Api.Response locked = api.as(token)
                .post(
                        "/api/v1/apps/shop/deploys",
                        map("environment", "prod", "otp", TotpCodes.at(secret, Instant.now())));
        assertThat(locked.status()).as(locked.raw()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(api.get("/api/v1/audit?action=totp.locked").json().get("items"))
                .hasSize(1);
        assertThat(api.get("/api/v1/apps/shop/deploys").json().get("items")).isEmpty();
    }

    @Test
    void externalSystemsReportTheOutcomeOfAwaitingDeploys() {
        api.put(
                "/api/v1/apps/shop/targets/dev",
                map("deployer", map("type", "record", "awaitReport", true, "timeout", "5m")));
        String id = startDeploy("dev");
        await(id, "in_progress");
        String reporter = tokenFor("concourse", "service", "deploy:report");
        String noScope = tokenFor("nosy", "service", "read");
        assertThat(report(noScope, id, map("status", "succeeded")).status()).isEqualTo(403);
        assertThat(report(reporter, id, map("status", "queued")).status()).isEqualTo(400);
        assertThat(report(reporter, id, map("status", "in_progress", "message", "rolling"))
                        .status())
                .isEqualTo(200);
        JsonNode done = report(reporter, id, map("status", "succeeded", "externalRef", "build-42"))
                .json();
        assertThat(done.get("status").asString()).isEqualTo("succeeded");
        assertThat(done.get("externalRef").asString()).isEqualTo("build-42");
        assertThat(report(reporter, id, map("status", "succeeded")).status()).isEqualTo(200);
        assertThat(report(reporter, id, map("status", "failed")).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/status?environment=dev")
                        .json()
                        .get("entries")
                        .get(0)
                        .get("version")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void aDeployNobodyReportsOnFailsAtItsTimeout() {
        api.put(
                "/api/v1/apps/shop/targets/dev",
                map("deployer", map("type", "record", "awaitReport", true, "timeout", "1s")));
        String id = startDeploy("dev");
        JsonNode failed = await(id, "failed");
        assertThat(failed.get("message").asString()).contains("timed out");
    }

    @Test
    void queuedAndPendingDeploysCanBeCancelled() {
        String id = startDeploy("prod");
        assertThat(api.post("/api/v1/deploys/" + id + "/cancel", map())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("cancelled");
        assertThat(api.post("/api/v1/deploys/" + id + "/cancel", map()).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/deploys/" + id + "/approve", map()).status())
                .isEqualTo(409);
    }

    @Test
    void theWebhookDeployerSendsASignedDocumentAndWaitsForTheCallback() throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/deploy", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new String[] {
                exchange.getRequestHeaders().getFirst("X-Catapult-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Catapult-Signature"),
                new String(body, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("X-Catapult-Delivery")
            });
            exchange.getResponseHeaders().add("X-Catapult-External-Ref", "job-7");
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
        try {
            webhookTarget(receiver, "CATAPULT_TEST_WEBHOOK_SECRET");
            String id = startDeploy("dev");
            JsonNode waiting = await(id, "in_progress");
            for (int i = 0; i < 100 && received.isEmpty(); i++) {
                sleep(50);
            }
            assertThat(received).hasSize(1);
            String[] r = received.getFirst();
            assertThat(r[1]).isEqualTo("sha256=" + hmac("s3cret-for-tests", r[0] + r[2]));
            assertThat(r[3]).isEqualTo(id);
            assertThat(r[2])
                    .contains("\"deployId\":\"" + id + "\"")
                    .contains(digestRef(REPO, 1))
                    .contains("/api/v1/deploys/" + id + "/status");
            for (int i = 0;
                    i < 100
                            && api.get("/api/v1/deploys/" + id)
                                    .json()
                                    .get("externalRef")
                                    .isNull();
                    i++) {
                sleep(50);
            }
            assertThat(api.get("/api/v1/deploys/" + id)
                            .json()
                            .get("externalRef")
                            .asString())
                    .isEqualTo("job-7");
            api.post("/api/v1/deploys/" + id + "/status", map("status", "succeeded"));
            assertThat(await(id, "succeeded").get("deployer").asString()).isEqualTo("webhook");
            assertThat(waiting.get("deployer").asString()).isEqualTo("webhook");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aDispatchLongerThanTheLeaseIsNotTakenOverWhileItsServerLives() throws Exception {
        java.util.concurrent.atomic.AtomicInteger deliveries = new java.util.concurrent.atomic.AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/deploy", exchange -> {
            exchange.getRequestBody().readAllBytes();
            deliveries.incrementAndGet();
            sleep(7_000);
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
        try {
            webhookTarget(receiver, "CATAPULT_TEST_WEBHOOK_SECRET");
            String id = startDeploy("dev");
            for (int i = 0;
                    i < 200
                            && api.get("/api/v1/deploys/" + id)
                                    .json()
                                    .get("externalRef")
                                    .isNull()
                            && !api.get("/api/v1/deploys/" + id)
                                    .json()
                                    .get("message")
                                    .asString("")
                                    .contains("accepted");
                    i++) {
                sleep(50);
            }
            assertThat(api.get("/api/v1/deploys/" + id).json().get("message").asString())
                    .contains("accepted");
            assertThat(deliveries.get())
                    .as("the lease (5 s in tests) was renewed during the 7 s dispatch")
                    .isEqualTo(1);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aWebhookThatRefusesFailsTheDeploy() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/deploy", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(422, -1);
            exchange.close();
        });
        receiver.start();
        try {
            webhookTarget(receiver, "CATAPULT_TEST_WEBHOOK_SECRET");
            String id = startDeploy("dev");
            assertThat(await(id, "failed").get("message").asString()).contains("422");
            webhookTarget(receiver, "NOT_SET_ANYWHERE");
            String id2 = startDeploy("dev");
            assertThat(await(id2, "failed").get("message").asString())
                    .contains("NOT_SET_ANYWHERE")
                    .doesNotContain("s3cret");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void deploysOfOneTargetRunOneAtATimeInOrder() {
        api.put("/api/v1/apps/shop/targets/dev", map("deployer", map("type", "record", "awaitReport", true)));
        String first = startDeploy("dev");
        String second = startDeploy("dev");
        await(first, "in_progress");
        sleep(500);
        assertThat(api.get("/api/v1/deploys/" + second).json().get("status").asString())
                .isEqualTo("queued");
        api.post("/api/v1/deploys/" + first + "/status", map("status", "succeeded"));
        await(second, "in_progress");
        JsonNode list = api.get("/api/v1/apps/shop/deploys?environment=dev&status=in_progress")
                .json();
        assertThat(list.get("items").findValuesAsString("id")).containsExactly(second);
    }

    /** A user with a token for every deploy, enrolled in TOTP with a code of the previous 30 s window. */
    private EnrolledUser enrolledUser(String name) {
        String id = api.post("/api/v1/principals", map("name", name, "kind", "user"))
                .json()
                .get("id")
                .asString();
        String token = api.post(
                        "/api/v1/principals/" + id + "/tokens", map("name", "t", "scopes", List.of("deploy:*:*")))
                .json()
                .get("secret")
                .asString();
        String secret = api.as(token)
                .post("/api/v1/principals/" + id + "/totp", map())
                .json()
                .get("secret")
                .asString();
        api.as(token)
                .post(
                        "/api/v1/principals/" + id + "/totp",
                        map("code", TotpCodes.at(secret, Instant.now().minusSeconds(30))));
        return new EnrolledUser(token, secret);
    }

    private record EnrolledUser(String token, String secret) {}

    /** {@code token}'s approval of {@code deployId}. */
    private Api.Response approve(String token, String deployId) {
        return api.as(token).post("/api/v1/deploys/" + deployId + "/approve", map());
    }

    /** What an external system reports of {@code deployId}'s outcome, with {@code token}. */
    private Api.Response report(String token, String deployId, Object body) {
        return api.as(token).post("/api/v1/deploys/" + deployId + "/status", body);
    }

    /** Requests a deploy of shop's release to {@code env} as the admin; returns its id. */
    private String startDeploy(String env) {
        return api.post("/api/v1/apps/shop/deploys", map("environment", env))
                .json()
                .get("id")
                .asString();
    }

    /** Points shop's dev target at {@code receiver}'s /deploy, signing with the secret in {@code secretEnv}. */
    private void webhookTarget(HttpServer receiver, String secretEnv) {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/deploy";
        api.put(
                "/api/v1/apps/shop/targets/dev",
                map("deployer", map("type", "webhook", "url", url, "secretEnv", secretEnv)));
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
