package dev.catapult.deploy.docker;

import static dev.catapult.deploy.docker.Deploys.page;
import static dev.catapult.testing.Api.dockerDeployer;
import static dev.catapult.testing.Api.map;
import static dev.catapult.testkit.Ports.freeLoopbackPort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.docker.Container;
import dev.catapult.testing.ServerTest;
import dev.catapult.testkit.docker.BusyboxImage;
import dev.catapult.testkit.docker.DockerEngineExtension;
import dev.catapult.testkit.registry.DockerRegistryExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A docker target through the whole server: API → ledger → deploy worker → dockerd → deploy history. */
class DockerTargetServerTest extends ServerTest {
    @RegisterExtension
    static final DockerEngineExtension ENGINE = new DockerEngineExtension();

    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = new DockerRegistryExtension();

    private static String good;
    private static String broken;

    @BeforeAll
    static void pushImages(@TempDir Path dir) {
        good = BusyboxImage.serving("release one").push(REGISTRY.get(), dir, "shop/web", "1");
        broken = BusyboxImage.serving("release two").port(9090).push(REGISTRY.get(), dir, "shop/web", "2");
    }

    @Test
    void deploysThroughTheApiRecordTheContainerAndRestoreItWhenTheNextReleaseIsUnhealthy() throws Exception {
        int port = freeLoopbackPort();
        api.post("/api/v1/environments", map("name", "prod", "rank", 10));
        api.post("/api/v1/apps", map("name", "shop", "image", REGISTRY.get().host() + "/shop/web"));
        api.post("/api/v1/apps/shop/releases", map("commit", "a".repeat(40), "image", good));
        api.post("/api/v1/apps/shop/releases", map("commit", "b".repeat(40), "image", broken));
        var target = api.put(
                "/api/v1/apps/shop/targets/prod",
                map(
                        "deployer",
                        dockerDeployer(
                                ENGINE.get().host(),
                                "shop-web",
                                "ports",
                                List.of("127.0.0.1:" + port + ":8080"),
                                "healthCheck",
                                map("http", "http://127.0.0.1:" + port + "/", "timeout", "4s"))));
        assertThat(target.status()).as(target.raw()).isEqualTo(200);

        JsonNode first = await(api.post("/api/v1/apps/shop/deploys", map("environment", "prod", "version", 1))
                .json());
        JsonNode second = await(api.post("/api/v1/apps/shop/deploys", map("environment", "prod", "version", 2))
                .json());

        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("succeeded");
        assertThat(first.get("deployer").asString()).isEqualTo("docker");
        String containerId = first.get("externalRef").asString();
        assertThat(second.get("status").asString()).isEqualTo("failed");
        assertThat(second.get("message").asString())
                .startsWith("health check failed: not healthy within 4 s")
                .endsWith("; previous container restored");
        Container running =
                Deploys.engine(ENGINE.get().host()).inspect("shop-web").orElseThrow();
        assertThat(running.id()).isEqualTo(containerId);
        assertThat(running.labels())
                .containsEntry("dev.catapult.release", "1")
                .containsEntry("dev.catapult.deploy", first.get("id").asString());
        assertThat(page(port)).isEqualTo("release one");
    }

    private JsonNode await(JsonNode deploy) throws InterruptedException {
        String id = deploy.get("id").asString();
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            JsonNode d = api.get("/api/v1/deploys/" + id).json();
            String status = d.get("status").asString();
            if (status.equals("succeeded") || status.equals("failed")) {
                return d;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("deploy " + id + " did not finish within 60 s; dockerd log:\n"
                + ENGINE.get().log());
    }
}
