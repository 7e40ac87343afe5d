package dev.catapult.deploy.docker;

import static dev.catapult.deploy.docker.Deploys.JSON;
import static dev.catapult.deploy.docker.Deploys.bare;
import static dev.catapult.deploy.docker.Deploys.externalRef;
import static dev.catapult.deploy.docker.Deploys.message;
import static dev.catapult.deploy.docker.Deploys.page;
import static dev.catapult.deploy.docker.Deploys.task;
import static dev.catapult.testkit.Ports.freeLoopbackPort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.deploy.DeployTask;
import dev.catapult.deploy.DispatchOutcome;
import dev.catapult.docker.Container;
import dev.catapult.docker.DockerEngine;
import dev.catapult.targets.DeployerSpec;
import dev.catapult.targets.DockerSettings;
import dev.catapult.testkit.docker.BusyboxImage;
import dev.catapult.testkit.docker.DockerEngineExtension;
import dev.catapult.testkit.registry.DockerRegistryExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The docker deployer against a real dockerd pulling real images from a real registry. */
class DockerDeployerTest {
    @RegisterExtension
    static final DockerEngineExtension ENGINE = new DockerEngineExtension(true);

    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = new DockerRegistryExtension();

    private static String v1;
    private static String v2;
    private static String wrongPort;
    private static String selfChecking;

    private final DockerDeployer deployer =
            new DockerDeployer(JSON, new MockEnvironment().withProperty("SHOP_API_TOKEN", "t0ken"), Clock.systemUTC());

    @BeforeAll
    static void pushImages(@TempDir Path dir) {
        v1 = BusyboxImage.serving("v1").push(REGISTRY.get(), dir, "shop/web", "1");
        v2 = BusyboxImage.serving("v2").push(REGISTRY.get(), dir, "shop/web", "2");
        wrongPort = BusyboxImage.serving("v3").port(9090).push(REGISTRY.get(), dir, "shop/web", "3");
        selfChecking = BusyboxImage.serving("v4").healthcheck().push(REGISTRY.get(), dir, "shop/web", "4");
    }

    @Test
    void firstDeployRunsTheReleaseUnderItsNameWithCatapultLabels() throws Exception {
        int port = freeLoopbackPort();
        DeployTask task = task(v1, 1, settings("web-first", port, http(port)));

        DispatchOutcome outcome = deployer.dispatch(task);

        assertThat(outcome).isInstanceOf(DispatchOutcome.Succeeded.class);
        Container running = inspect("web-first");
        assertThat(externalRef(outcome)).isEqualTo(running.id());
        assertThat(running.running()).isTrue();
        assertThat(running.labels())
                .containsEntry("dev.catapult.app", "shop")
                .containsEntry("dev.catapult.environment", "prod")
                .containsEntry("dev.catapult.release", "1")
                .containsEntry("dev.catapult.deploy", task.id());
        assertThat(page(port)).isEqualTo("v1");
        assertThat(message(outcome))
                .contains("container web-first (" + running.shortId() + ") runs " + v1)
                .contains("Docker Engine API " + engine().apiVersion());
    }

    @Test
    void nextDeployReplacesTheContainerAndRemovesTheOldOne() throws Exception {
        int port = freeLoopbackPort();
        DockerSettings settings = settings("web-next", port, http(port));
        deployer.dispatch(task(v1, 1, settings));
        String old = inspect("web-next").id();

        DispatchOutcome outcome = deployer.dispatch(task(v2, 2, settings));

        assertThat(outcome).isInstanceOf(DispatchOutcome.Succeeded.class);
        assertThat(page(port)).isEqualTo("v2");
        Container now = inspect("web-next");
        assertThat(now.id()).isNotEqualTo(old);
        assertThat(now.labels()).containsEntry("dev.catapult.release", "2");
        assertThat(engine().inspect(old)).isEmpty();
        assertThat(engine().containersNamed("web-next-previous-")).isEmpty();
    }

    @Test
    void releaseFailingItsHealthCheckIsReplacedByThePreviousContainerOnTheSamePort() throws Exception {
        int port = freeLoopbackPort();
        DockerSettings settings = settings("web-bad", port, http(port));
        deployer.dispatch(task(v2, 2, settings));
        Container serving = inspect("web-bad");

        DispatchOutcome outcome = deployer.dispatch(task(
                wrongPort,
                3,
                settings("web-bad", port, Map.of("http", "http://127.0.0.1:" + port + "/", "timeout", "3s"))));

        assertThat(outcome).isInstanceOf(DispatchOutcome.Failed.class);
        assertThat(message(outcome))
                .startsWith("health check failed: not healthy within 3 s (")
                .contains("from http://127.0.0.1:" + port + "/")
                .endsWith("; previous container restored");
        Container restored = inspect("web-bad");
        assertThat(restored.id()).isEqualTo(serving.id());
        assertThat(restored.running()).isTrue();
        assertThat(restored.labels()).containsEntry("dev.catapult.release", "2");
        assertThat(page(port)).isEqualTo("v2");
        assertThat(engine().inspect(externalRef(outcome)))
                .as("the failed container is removed")
                .isEmpty();
        assertThat(engine().containersNamed("web-bad-previous-")).isEmpty();
    }

    @Test
    void portHeldByAnotherProgramFailsTheStartAndBringsThePreviousContainerBack() throws Exception {
        int port = freeLoopbackPort();
        deployer.dispatch(task(v1, 1, settings("web-busy", port, http(port))));
        Container serving = inspect("web-busy");
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DockerSettings twoPorts = (DockerSettings) DeployerSpec.parse(new LinkedHashMap<>(Map.of(
                    "type",
                    "docker",
                    "host",
                    ENGINE.get().host(),
                    "container",
                    "web-busy",
                    "ports",
                    List.of("127.0.0.1:" + port + ":8080", "127.0.0.1:" + squatter.getLocalPort() + ":8081"))));

            DispatchOutcome outcome = deployer.dispatch(task(v2, 2, twoPorts));

            assertThat(message(outcome))
                    .startsWith("starting container ")
                    .contains("address already in use")
                    .endsWith("; previous container restored");
        }
        assertThat(inspect("web-busy").id()).isEqualTo(serving.id());
        assertThat(page(port)).isEqualTo("v1");
        assertThat(engine().containersNamed("web-busy-previous-")).isEmpty();
    }

    @Test
    void containerThatExitsFailsAtOnceWhileThePreviousOneKeepsServing() throws Exception {
        DockerSettings noPorts = settings("worker", 0, null);
        deployer.dispatch(task(v1, 1, noPorts));
        Container serving = inspect("worker");
        DockerSettings exits = new DockerSettings(
                ENGINE.get().host(),
                "worker",
                List.of(),
                Map.of(),
                Map.of(),
                List.of("/bin/busybox", "false"),
                DockerSettings.HealthCheck.running(),
                null);

        DispatchOutcome outcome = deployer.dispatch(task(v2, 2, exits));

        assertThat(message(outcome))
                .as("the engine restarts it within 100 ms; after that it no longer tells the exit code")
                .matches(
                        "health check failed: the container (exited with code 1|kept exiting \\(restarted \\d+ time\\(s\\) by its"
                                + " restart policy\\)); previous container restored");
        Container restored = inspect("worker");
        assertThat(restored.id()).isEqualTo(serving.id());
        assertThat(restored.startedAt())
                .as("no ports clash, so the previous container was never stopped")
                .isEqualTo(serving.startedAt());
    }

    @Test
    void imageHealthcheckDecidesWhenTheTargetAsksForIt() throws Exception {
        int port = freeLoopbackPort();
        DockerSettings useImage = settings("web-self", port, Map.of("useImageHealthcheck", true, "timeout", "20s"));

        DispatchOutcome healthy = deployer.dispatch(task(selfChecking, 4, useImage));
        String healthAfterDeploy = inspect("web-self").health();
        DispatchOutcome without = deployer.dispatch(task(v2, 2, useImage));

        assertThat(healthy).isInstanceOf(DispatchOutcome.Succeeded.class);
        assertThat(healthAfterDeploy).isEqualTo("healthy");
        assertThat(inspect("web-self").health())
                .as("restored and healthy again")
                .isEqualTo("healthy");
        assertThat(message(without))
                .isEqualTo("health check failed: the image has no HEALTHCHECK (the target sets"
                        + " healthCheck.useImageHealthcheck); previous container restored");
        assertThat(page(port)).isEqualTo("v4");
    }

    @Test
    void environmentSecretsAndCommandReachTheContainer() throws Exception {
        int port = freeLoopbackPort();
        DockerSettings settings = (DockerSettings) DeployerSpec.parse(new LinkedHashMap<>(Map.of(
                "type",
                "docker",
                "host",
                ENGINE.get().host(),
                "container",
                "web-env",
                "ports",
                List.of("127.0.0.1:" + port + ":8080"),
                "env",
                Map.of("GREETING", "hello"),
                "secretEnv",
                Map.of("API_TOKEN", "SHOP_API_TOKEN"),
                "command",
                List.of(
                        "/bin/sh",
                        "-c",
                        "echo \"$GREETING $API_TOKEN\" > /www/index.html && exec /bin/busybox httpd -f -p 8080 -h /www"),
                "healthCheck",
                Map.of("http", "http://127.0.0.1:" + port + "/", "timeout", "20s"))));

        DispatchOutcome outcome = deployer.dispatch(task(v1, 1, settings));

        assertThat(outcome).isInstanceOf(DispatchOutcome.Succeeded.class);
        assertThat(page(port)).isEqualTo("hello t0ken");
        assertThat(message(outcome)).doesNotContain("t0ken");
    }

    @Test
    void aMissingSecretVariableFailsBeforeTouchingTheEngine() throws Exception {
        DockerSettings settings = new DockerSettings(
                ENGINE.get().host(),
                "web-nosecret",
                List.of(),
                Map.of(),
                Map.of("DB_PASSWORD", "SHOP_DB_PASSWORD"),
                List.of(),
                DockerSettings.HealthCheck.running(),
                null);

        DispatchOutcome outcome = deployer.dispatch(task(v1, 1, settings));

        assertThat(message(outcome))
                .isEqualTo("server variable SHOP_DB_PASSWORD (for the container's DB_PASSWORD) is not set");
        assertThat(engine().inspect("web-nosecret")).isEmpty();
    }

    @Test
    void sameDeployDispatchedAgainFindsItsContainerAndSucceedsAgain() throws Exception {
        int port = freeLoopbackPort();
        DeployTask task = task(v1, 1, settings("web-again", port, http(port)));

        DispatchOutcome first = deployer.dispatch(task);
        DispatchOutcome second = deployer.dispatch(task);

        assertThat(second).isInstanceOf(DispatchOutcome.Succeeded.class);
        assertThat(externalRef(second)).isEqualTo(externalRef(first));
        assertThat(page(port)).isEqualTo("v1");
    }

    @Test
    void interruptedDeployIsCarriedOnByItsNextDispatch() throws Exception {
        int port = freeLoopbackPort();
        DockerSettings settings = settings("web-interrupted", port, null); // healthy after running 2 s
        deployer.dispatch(task(v1, 1, settings));
        DeployTask task = task(v2, 2, settings);
        CompletableFuture<Throwable> first = new CompletableFuture<>();
        Thread dispatcher = Thread.ofVirtual().start(() -> {
            try {
                deployer.dispatch(task);
                first.complete(null);
            } catch (Throwable t) {
                first.complete(t);
            }
        });
        Container started = awaitContainer("web-interrupted", task.id());

        dispatcher.interrupt();

        assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(engine().containersNamed("web-interrupted-previous-")).hasSize(1);
        DispatchOutcome again = deployer.dispatch(task);
        assertThat(again).isInstanceOf(DispatchOutcome.Succeeded.class);
        assertThat(externalRef(again)).isEqualTo(started.id());
        assertThat(page(port)).isEqualTo("v2");
        assertThat(engine().containersNamed("web-interrupted-previous-")).isEmpty();
    }

    @Test
    void tcpHostIsServedLikeTheSocket() throws Exception {
        int port = freeLoopbackPort();
        DockerSettings settings = new DockerSettings(
                ENGINE.get().tcpHost(),
                "web-tcp",
                List.of(DockerSettings.PortMapping.parse("p", "127.0.0.1:" + port + ":8080")),
                Map.of(),
                Map.of(),
                List.of(),
                new DockerSettings.HealthCheck(
                        URI.create("http://127.0.0.1:" + port + "/"), false, Duration.ofSeconds(20)),
                null);

        DispatchOutcome outcome = deployer.dispatch(task(v2, 2, settings));

        assertThat(outcome).isInstanceOf(DispatchOutcome.Succeeded.class);
        assertThat(page(port)).isEqualTo("v2");
    }

    @Test
    void imagesNotPinnedToADigestAreRefused() throws Exception {
        DockerSettings settings = settings("web-tag", 0, null);
        String tagged = REGISTRY.get().reference("shop/web", "1");

        assertThat(message(deployer.dispatch(task(tagged, 1, settings))))
                .isEqualTo("release image " + tagged
                        + " is not pinned to a digest; the docker deployer runs images by digest only");
        assertThat(message(deployer.dispatch(task(null, 1, settings)))).isEqualTo("release 1 has no image to run");
        assertThat(engine().inspect("web-tag")).isEmpty();
    }

    @Test
    void imageMissingFromTheRegistryFailsWithTheEnginesReason() throws Exception {
        String missing = REGISTRY.get().host() + "/shop/web@sha256:" + "0".repeat(64);

        DispatchOutcome outcome = deployer.dispatch(task(missing, 9, settings("web-missing", 0, null)));

        assertThat(outcome).isInstanceOf(DispatchOutcome.Failed.class);
        assertThat(message(outcome)).startsWith("pulling " + missing + " failed: ");
    }

    @Test
    void unreachableEnginesFailWithWhereAndWhy() throws Exception {
        int closed = freeLoopbackPort();
        DockerSettings noSocket = bare("unix:///nonexistent/docker.sock");
        DockerSettings noListener = bare("tcp://127.0.0.1:" + closed);

        assertThat(message(deployer.dispatch(task(v1, 1, noSocket))))
                .startsWith("cannot reach the Docker engine at unix:///nonexistent/docker.sock: ");
        assertThat(message(deployer.dispatch(task(v1, 1, noListener))))
                .isEqualTo("cannot reach the Docker engine at tcp://127.0.0.1:" + closed + ": connection refused");
    }

    private static Container inspect(String name) throws Exception {
        return engine().inspect(name)
                .orElseThrow(() -> new AssertionError("no container " + name + "; dockerd log:\n"
                        + ENGINE.get().log()));
    }

    /** The container {@code name} once the deploy {@code deployId} has started it. */
    private static Container awaitContainer(String name, String deployId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Container c = engine().inspect(name).orElse(null);
            if (c != null && c.running() && deployId.equals(c.labels().get("dev.catapult.deploy"))) {
                return c;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("deploy " + deployId + " did not start " + name + "; dockerd log:\n"
                + ENGINE.get().log());
    }

    private static DockerSettings settings(String name, int port, @Nullable Map<String, Object> healthCheck) {
        return Deploys.settings(ENGINE.get().host(), name, port, healthCheck);
    }

    private static Map<String, Object> http(int port) {
        return Deploys.http(port, "20s");
    }

    private static DockerEngine engine() throws Exception {
        return Deploys.engine(ENGINE.get().host());
    }
}
