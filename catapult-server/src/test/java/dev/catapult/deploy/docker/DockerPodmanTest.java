package dev.catapult.deploy.docker;

import static dev.catapult.deploy.docker.Deploys.JSON;
import static dev.catapult.deploy.docker.Deploys.http;
import static dev.catapult.deploy.docker.Deploys.message;
import static dev.catapult.deploy.docker.Deploys.page;
import static dev.catapult.deploy.docker.Deploys.task;
import static dev.catapult.testkit.Ports.freeLoopbackPort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.deploy.DispatchOutcome;
import dev.catapult.docker.Container;
import dev.catapult.docker.DockerEngine;
import dev.catapult.targets.DockerSettings;
import dev.catapult.testkit.docker.BusyboxImage;
import dev.catapult.testkit.docker.PodmanService;
import dev.catapult.testkit.registry.DockerRegistryExtension;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The same deployer against Podman's Docker-compatible API (SPEC §7: "works with Docker and with Podman"). */
class DockerPodmanTest {
    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = new DockerRegistryExtension();

    private static PodmanService podman;
    private static String v1;
    private static String v2;
    private static String wrongPort;

    private final DockerDeployer deployer = new DockerDeployer(JSON, new MockEnvironment(), Clock.systemUTC());

    @BeforeAll
    static void startPodman(@TempDir Path dir) {
        v1 = BusyboxImage.serving("v1").push(REGISTRY.get(), dir, "shop/web", "1");
        v2 = BusyboxImage.serving("v2").push(REGISTRY.get(), dir, "shop/web", "2");
        wrongPort = BusyboxImage.serving("v3").port(9090).push(REGISTRY.get(), dir, "shop/web", "3");
        podman = PodmanService.start(REGISTRY.get().host());
    }

    @AfterAll
    static void stopPodman() {
        if (podman != null) {
            podman.close();
        }
    }

    @Test
    void podmanRunsTheReleaseAndReplacesItWithTheNextOne() throws Exception {
        int port = freeLoopbackPort();
        DockerSettings settings = settings("web", port, "20s");

        DispatchOutcome first = deployer.dispatch(task(v1, 1, settings));
        assertThat(first).as(podman.log()).isInstanceOf(DispatchOutcome.Succeeded.class);
        assertThat(page(port)).isEqualTo("v1");
        Container old = engine().inspect("web").orElseThrow();
        DispatchOutcome second = deployer.dispatch(task(v2, 2, settings));

        assertThat(second).as(podman.log()).isInstanceOf(DispatchOutcome.Succeeded.class);
        assertThat(page(port)).isEqualTo("v2");
        Container now = engine().inspect("web").orElseThrow();
        assertThat(now.labels()).containsEntry("dev.catapult.release", "2").containsEntry("dev.catapult.app", "shop");
        assertThat(engine().inspect(old.id())).isEmpty();
    }

    @Test
    void podmanGetsThePreviousContainerBackWhenTheNewOneIsUnhealthy() throws Exception {
        int port = freeLoopbackPort();
        deployer.dispatch(task(v2, 2, settings("api", port, "20s")));
        Container serving = engine().inspect("api").orElseThrow();

        DispatchOutcome outcome = deployer.dispatch(task(wrongPort, 3, settings("api", port, "3s")));

        assertThat(outcome).isInstanceOf(DispatchOutcome.Failed.class);
        assertThat(message(outcome))
                .startsWith("health check failed: not healthy within 3 s")
                .endsWith("; previous container restored");
        assertThat(engine().inspect("api").orElseThrow().id()).isEqualTo(serving.id());
        assertThat(page(port)).isEqualTo("v2");
    }

    private static DockerSettings settings(String name, int port, String timeout) {
        return Deploys.settings(podman.host(), name, port, http(port, timeout));
    }

    private static DockerEngine engine() throws Exception {
        return Deploys.engine(podman.host());
    }
}
