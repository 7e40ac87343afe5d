package dev.catapult.compat.cdp;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CdpDeploymentsTest extends ServerTest {
    private static final String REPO = "127.0.0.1:5998/shop/api";
    private static final List<String> DEPLOYMENT_FIELDS = List.of(
            "deploymentId",
            "environment",
            "service",
            "version",
            "user",
            "userId",
            "deployedAt",
            "status",
            "dockerImage",
            "taskId",
            "instanceTaskId",
            "instanceCount");
    private String shopDevV1;
    private String shopDevV2;
    private String shopProd;
    private String webDev;
    private String pending;

    @BeforeEach
    void ledger() {
        api.post("/api/v1/environments", map("name", "dev", "rank", 10));
        api.post("/api/v1/environments", map("name", "staging", "rank", 20, "requiredApprovals", 1));
        api.post("/api/v1/environments", map("name", "prod", "rank", 30));
        api.post("/api/v1/apps", map("name", "shop", "image", REPO));
        api.post("/api/v1/apps", map("name", "web", "image", "127.0.0.1:5998/shop/web"));
        api.post("/api/v1/apps/shop/releases", map("commit", sha(1), "image", digestRef(REPO, 1), "imageTag", "1.0.0"));
        api.post("/api/v1/apps/shop/releases", map("commit", sha(2), "image", digestRef(REPO, 2), "imageTag", "1.1.0"));
        api.post("/api/v1/apps/web/releases", map("commit", sha(3), "noImage", true));
        shopDevV1 = deployed("shop", "dev", 1);
        shopDevV2 = deployed("shop", "dev", 2);
        shopProd = deployed("shop", "prod", 1);
        webDev = deployed("web", "dev", 1);
        pending = api.post("/api/v1/apps/shop/deploys", map("environment", "staging", "version", 2))
                .json()
                .get("id")
                .asString();
    }

    @Test
    void runtimeInstancesDecideWhatRunsOnceTheyReportAndStoppedOnesDropOut() {
        System.setProperty("CDP_TEST_HOOK_SECRET", "cdp-hook-secret");
        assertThat(api.post(
                                "/api/v1/runtime-sources",
                                map("name", "hooks", "type", "webhook", "secretEnv", "CDP_TEST_HOOK_SECRET"))
                        .status())
                .isEqualTo(201);
        String digest = digestRef(REPO, 1).substring(digestRef(REPO, 1).indexOf('@') + 1);
        assertThat(runtimeEvent("e1", "task-1", "running", 1, digest).status()).isEqualTo(202);
        assertThat(runtimeEvent("e2", "task-2", "running", 1, digest).status()).isEqualTo(202);

        JsonNode cells = api.get("/compat/cdp/whats-running-where").json();
        assertThat(cells.findValuesAsString("deploymentId")).containsExactly(shopDevV2, shopProd, webDev);
        JsonNode prod = cells.get(1);
        assertThat(prod.propertyNames()).containsExactlyElementsOf(DEPLOYMENT_FIELDS);
        assertThat(prod.get("environment").asString()).isEqualTo("prod");
        assertThat(prod.get("status").asString()).isEqualTo("RUNNING");
        assertThat(prod.get("version").asString()).isEqualTo("1.0.0");
        assertThat(prod.get("instanceCount").asInt()).isEqualTo(2);
        assertThat(prod.get("instanceTaskId").asString()).isEqualTo("task-1");
        assertThat(prod.get("dockerImage").asString()).isEqualTo(REPO + ":1.0.0@" + digest);
        JsonNode deployment = api.get("/compat/cdp/deployments/" + shopProd).json();
        assertThat(deployment.get("instanceCount").asInt()).isEqualTo(2);
        assertThat(deployment.get("status").asString()).isEqualTo("RUNNING");

        runtimeEvent("e3", "task-1", "stopped", 2, digest);
        runtimeEvent("e4", "task-2", "stopped", 2, digest);

        assertThat(api.get("/compat/cdp/whats-running-where").json().findValuesAsString("deploymentId"))
                .containsExactly(shopDevV2, webDev);
        JsonNode stopped = api.get("/compat/cdp/deployments/" + shopProd).json();
        assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.get("instanceCount").asInt()).isZero();
        assertThat(api.get("/compat/cdp/whats-running-where/shop").json().findValuesAsString("environment"))
                .containsExactly("dev");
    }

    private Api.Response runtimeEvent(String id, String task, String status, long version, String digest) {
        String body = dev.catapult.testing.Api.map(
                        "id",
                        id,
                        "type",
                        "instance",
                        "time",
                        Instant.now().toString(),
                        "app",
                        "shop",
                        "environment",
                        "prod",
                        "instance",
                        task,
                        "image",
                        REPO + ":1.0.0",
                        "digest",
                        digest,
                        "status",
                        status,
                        "version",
                        version)
                .entrySet()
                .stream()
                .map(e ->
                        "\"" + e.getKey() + "\":" + (e.getValue() instanceof String v ? "\"" + v + "\"" : e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        String ts = Long.toString(Instant.now().getEpochSecond());
        return new Api(api.base(), null)
                .post(
                        "/hooks/runtime/hooks",
                        body,
                        "X-Catapult-Timestamp",
                        ts,
                        "X-Catapult-Signature",
                        dev.catapult.platform.WebhookSignature.header(
                                "cdp-hook-secret", ts, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void whatsRunningWhereIsTheCurrentDeployPerServiceAndEnvironment() {
        Api.Response r = api.get("/compat/cdp/whats-running-where");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().findValuesAsString("deploymentId")).containsExactly(shopDevV2, shopProd, webDev);
        JsonNode dev = r.json().get(0);
        assertThat(dev.propertyNames()).containsExactlyElementsOf(DEPLOYMENT_FIELDS);
        assertThat(dev.get("environment").asString()).isEqualTo("dev");
        assertThat(dev.get("service").asString()).isEqualTo("shop");
        assertThat(dev.get("version").asString()).isEqualTo("1.1.0");
        assertThat(dev.get("status").asString()).isEqualTo("RUNNING");
        assertThat(dev.get("dockerImage").asString()).isEqualTo(digestRef(REPO, 2));
        Map<String, Object> admin =
                jdbc.sql("select id, name from principals").query().singleRow();
        assertThat(dev.get("user").asString()).isEqualTo(admin.get("name"));
        assertThat(dev.get("userId").asString()).isEqualTo(admin.get("id"));
        assertThat(Instant.parse(dev.get("deployedAt").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(dev.get("instanceTaskId").isNull()).isTrue();
        assertThat(dev.get("instanceCount").isNull()).isTrue();
        JsonNode web = r.json().get(2);
        assertThat(web.get("version").asString())
                .as("a release without image tag shows its number")
                .isEqualTo("1");
        assertThat(web.get("dockerImage").asString()).isEqualTo("127.0.0.1:5998/shop/web");
    }

    @Test
    void whatsRunningWhereForOneServiceAndArchivedOnesDropOut() {
        assertThat(api.get("/compat/cdp/whats-running-where/shop").json().findValuesAsString("environment"))
                .containsExactly("dev", "prod");
        Api.Response unknown = api.get("/compat/cdp/whats-running-where/nope");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().isEmpty()).isTrue();
        api.post("/api/v1/apps/web/archive", map());
        assertThat(api.get("/compat/cdp/whats-running-where").json().findValuesAsString("service"))
                .containsExactly("shop", "shop");
    }

    @Test
    void deploymentsAreEveryDeployNewestFirstWithCdpStatuses() {
        Api.Response r = api.get("/compat/cdp/deployments");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().findValuesAsString("deploymentId"))
                .containsExactly(pending, webDev, shopProd, shopDevV2, shopDevV1);
        Map<String, String> statuses = r.json()
                .valueStream()
                .collect(Collectors.toMap(
                        d -> d.get("deploymentId").asString(),
                        d -> d.get("status").asString()));
        assertThat(statuses)
                .containsEntry(pending, "REQUESTED")
                .containsEntry(shopDevV1, "STOPPED")
                .containsEntry(shopDevV2, "RUNNING");
        assertThat(r.json().get(0).propertyNames()).containsExactlyElementsOf(DEPLOYMENT_FIELDS);

        assertThat(api.get("/compat/cdp/deployments?environment=prod").json().findValuesAsString("deploymentId"))
                .containsExactly(shopProd);
        assertThat(api.get("/compat/cdp/deployments?offset=3").json().findValuesAsString("deploymentId"))
                .containsExactly(shopDevV2, shopDevV1);
        assertThat(api.get("/compat/cdp/deployments?offset=-1").status()).isEqualTo(400);
    }

    @Test
    void oneDeploymentByIdOrNotFound() {
        Api.Response r = api.get("/compat/cdp/deployments/" + shopDevV1);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactlyElementsOf(DEPLOYMENT_FIELDS);
        assertThat(r.json().get("version").asString()).isEqualTo("1.0.0");
        assertThat(r.json().get("status").asString()).isEqualTo("STOPPED");
        assertThat(api.get("/compat/cdp/deployments/d_unknown").status()).isEqualTo(404);
    }

    /** Deploys and waits until the record deployer has marked it succeeded. */
    private String deployed(String app, String env, int version) {
        Api.Response d = api.post("/api/v1/apps/" + app + "/deploys", map("environment", env, "version", version));
        assertThat(d.status()).as(d.raw()).isEqualTo(202);
        String id = d.json().get("id").asString();
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(until)) {
            if (api.get("/api/v1/deploys/" + id).json().get("status").asString().equals("succeeded")) {
                return id;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("deploy " + id + " did not succeed");
    }
}
