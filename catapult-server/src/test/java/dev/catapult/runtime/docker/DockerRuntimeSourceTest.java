package dev.catapult.runtime.docker;

import static dev.catapult.testing.Api.dockerDeployer;
import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catapult.runtime.CrashLoop;
import dev.catapult.runtime.RuntimeIntake;
import dev.catapult.runtime.RuntimeSources;
import dev.catapult.runtime.UnreadableEvent;
import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import dev.catapult.testkit.docker.BusyboxImage;
import dev.catapult.testkit.docker.DockerEngineExtension;
import dev.catapult.testkit.registry.DockerRegistryExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code docker} runtime source against a real {@code dockerd}: containers the docker deployer starts, and
 * containers started behind Catapult's back with its labels, show up in instances and what's running where
 * from the engine's own events; crashes count once each, whoever and however often reads them.
 */
class DockerRuntimeSourceTest extends ServerTest {
    @RegisterExtension
    static final DockerEngineExtension ENGINE = new DockerEngineExtension(true); // and on TCP

    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = new DockerRegistryExtension();

    private static final Duration SEEN = Duration.ofSeconds(30);
    private static String image;

    @Autowired
    DockerSourceWatcher watcher;

    @Autowired
    DockerIntake dockerIntake;

    @Autowired
    RuntimeIntake intake;

    @Autowired
    RuntimeSources sources;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    private EngineCalls engine;
    private final List<String> containers = new ArrayList<>();
    private @Nullable DockerSourceWatcher replica;

    @BeforeAll
    static void pushImage(@TempDir Path dir) {
        image = BusyboxImage.serving("shop v1").push(REGISTRY.get(), dir, "shop/web", "1");
    }

    @BeforeEach
    void environmentAndApp() {
        watcher.stopAll();
        engine = new EngineCalls(ENGINE.get().socket());
        engine.pull(image);
        created(api.post("/api/v1/environments", map("name", "prod", "rank", 10)));
        created(api.post(
                "/api/v1/apps", map("name", "shop", "image", REGISTRY.get().host() + "/shop/web")));
    }

    @AfterEach
    void stopWatchingAndRemoveContainers() {
        watcher.stopAll();
        if (replica != null) {
            replica.close();
        }
        engine.labelled("dev.catapult.app")
                .forEach(c -> engine.remove(c.get("Id").asString()));
        containers.forEach(engine::remove);
    }

    @Test
    void aDeployedContainerRunsWithItsDigestAndDeployUntilItIsStoppedAndRemoved() throws Exception {
        created(api.post("/api/v1/apps/shop/releases", map("commit", "a".repeat(40), "image", image)));
        Api.Response target = api.put(
                "/api/v1/apps/shop/targets/prod",
                map("deployer", dockerDeployer(ENGINE.get().host(), "shop-web")));
        assertThat(target.status()).as(target.raw()).isEqualTo(200);
        created(api.post("/api/v1/runtime-sources", map("name", "docker-hosts", "type", "docker")));
        watcher.rescan();
        assertThat(watcher.watching())
                .containsEntry("docker-hosts", java.util.Set.of(ENGINE.get().host()));

        JsonNode deploy = awaitDeploy(api.post("/api/v1/apps/shop/deploys", map("environment", "prod", "version", 1))
                .json());
        assertThat(deploy.get("status").asString()).as(deploy.toString()).isEqualTo("succeeded");
        String containerId = deploy.get("externalRef").asString();
        String instance = ENGINE.get().host() + "/containers/" + containerId;
        String digest = image.substring(image.indexOf('@') + 1);

        JsonNode running = await(
                "the deployed container running",
                () -> instance(instance).filter(i -> status(i).equals("running")));
        assertThat(running.get("source").asString()).isEqualTo("docker-hosts");
        assertThat(running.get("app").asString()).isEqualTo("shop");
        assertThat(running.get("environment").asString()).isEqualTo("prod");
        assertThat(running.get("account").asString()).isEqualTo(ENGINE.get().host());
        assertThat(running.get("container").asString()).isEqualTo("shop-web");
        assertThat(running.get("digest").asString()).isEqualTo(digest);
        assertThat(jdbc.sql("select deploy_id from instances where task_arn = ?")
                        .param(instance)
                        .query(String.class)
                        .single())
                .as("the deploy id from the container's label")
                .isEqualTo(deploy.get("id").asString());
        JsonNode entry = whatsRunning("shop", "prod").orElseThrow();
        assertThat(entry.get("running").asInt()).isEqualTo(1);
        assertThat(entry.at("/versions/0/digest").asString()).isEqualTo(digest);
        assertThat(entry.at("/versions/0/deployId").asString())
                .isEqualTo(deploy.get("id").asString());
        assertThat(entry.at("/versions/0/version").asLong()).isEqualTo(1);

        engine.stop(containerId);
        await(
                "the stopped container stopped",
                () -> instance(instance).filter(i -> status(i).equals("stopped")));
        assertThat(whatsRunning("shop", "prod"))
                .as("a stopped container drops out")
                .isEmpty();
        assertThat(exits(instance)).as("stopped on request: no failure").isZero();

        engine.start(containerId);
        await(
                "the container running again",
                () -> instance(instance).filter(i -> status(i).equals("running")));
        assertThat(whatsRunning("shop", "prod")).isPresent();
        engine.remove(containerId);
        JsonNode removed = await(
                "the removed container",
                () -> instance(instance)
                        .filter(i -> i.path("stoppedReason").asString("").equals("removed")));
        assertThat(status(removed)).isEqualTo("stopped");
        assertThat(whatsRunning("shop", "prod")).isEmpty();
        assertThat(exits(instance)).isZero();
    }

    @Test
    void aContainerCrashingUnderItsRestartPolicyCountsEveryExitOnceAcrossReplicasAndRestarts() throws Exception {
        created(api.post(
                "/api/v1/runtime-sources",
                map("name", "local", "type", "docker", "endpoint", ENGINE.get().host())));
        watcher.rescan();
        replica = new DockerSourceWatcher(dockerIntake, json, clock); // a second server replica watching the same host
        replica.rescan();
        awaitWatching();

        String crashing = engine.create(
                "shop-crash", container(List.of("/bin/sh", "-c", "sleep 0.3; exit 3"), "on-failure", null));
        containers.add(crashing);
        engine.start(crashing);
        String instance = ENGINE.get().host() + "/containers/" + crashing;
        // on-failure with 4 retries: 5 runs, 5 exits with code 3, then the engine gives up
        await(
                "the restart policy giving up",
                () -> Optional.of(engine.inspect(crashing))
                        .filter(c -> c.at("/State/Status").asString().equals("exited")
                                && c.get("RestartCount").asInt() == 4));
        await("five exits", () -> Optional.of(exits(instance)).filter(n -> n == 5));
        assertThat(CrashLoop.unstable(recentExits("shop", "prod")))
                .as("3+ failures in 10 min: unstable")
                .isTrue();
        assertThat(jdbc.sql("select distinct reason from instance_exits where task_arn = ?")
                        .param(instance)
                        .query(String.class)
                        .list())
                .containsExactly("exited with code 3");
        JsonNode stopped = instance(instance).orElseThrow();
        assertThat(status(stopped)).isEqualTo("stopped");
        assertThat(jdbc.sql("select count(*) from runtime_events where event_id like ? and event_id like '%/die'")
                        .param(instance + "@%")
                        .query(Long.class)
                        .single())
                .as("each die archived once, though two watchers read it")
                .isEqualTo(5);

        Map<String, Object> before = instanceRow(instance);
        long archivedBefore = archived();
        watcher.stopAll();
        replica.close();
        replica = null;
        watcher.rescan(); // a restarted server: catches up on the engine's last 10 minutes of events, then reconciles
        String marker = engine.create("shop-marker", container(List.of("/bin/sh", "-c", "sleep 60"), null, null));
        containers.add(marker);
        engine.start(marker);
        await(
                "the marker started after the restart",
                () -> instance(ENGINE.get().host() + "/containers/" + marker)
                        .filter(i -> status(i).equals("running")));
        assertThat(exits(instance)).as("redelivered dies count nothing again").isEqualTo(5);
        assertThat(instanceRow(instance)).isEqualTo(before);
        assertThat(jdbc.sql(
                                "select outcome from runtime_events where id > ? and body -> 'event' -> 'Actor' ->> 'ID' = ?")
                        .params(archivedBefore, crashing)
                        .query(String.class)
                        .list())
                .as("only the reconstructed state was new to the archive, and it changed nothing")
                .allSatisfy(o -> assertThat(o).startsWith("unchanged"));
    }

    @Test
    void aContainerStoppedOnRequestIsNoFailureThoughItExitsNonZeroButAnOomKillIs() throws Exception {
        created(api.post(
                "/api/v1/runtime-sources",
                map("name", "local", "type", "docker", "endpoint", ENGINE.get().host())));
        watcher.rescan();
        awaitWatching();
        Map<String, Object> body =
                container(List.of("/bin/sh", "-c", "trap 'exit 1' TERM; while true; do sleep 0.1; done"), null, null);
        body.put("StopSignal", "SIGTERM");
        String term = engine.create("shop-term", body);
        containers.add(term);
        engine.start(term);
        String termInstance = ENGINE.get().host() + "/containers/" + term;
        await("running", () -> instance(termInstance).filter(i -> status(i).equals("running")));
        engine.stop(term);
        JsonNode stopped = await(
                "stopped", () -> instance(termInstance).filter(i -> status(i).equals("stopped")));
        assertThat(stopped.get("stoppedReason").asString()).isEqualTo("stopped on request (exit code 1)");
        assertThat(exits(termInstance)).isZero();

        Map<String, Object> hungry =
                container(List.of("/bin/sh", "-c", "a=xxxxxxxxxxxxxxxx; while true; do a=$a$a; done"), null, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> host = (Map<String, Object>) hungry.get("HostConfig");
        host.put("Memory", 16 * 1024 * 1024);
        host.put("MemorySwap", 16 * 1024 * 1024);
        String oom = engine.create("shop-oom", hungry);
        containers.add(oom);
        engine.start(oom);
        String oomInstance = ENGINE.get().host() + "/containers/" + oom;
        JsonNode killed = await(
                "the OOM kill",
                () -> instance(oomInstance).filter(i -> status(i).equals("stopped")));
        assertThat(killed.get("stoppedReason").asString()).isEqualTo("killed: out of memory (exit code 137)");
        assertThat(exits(oomInstance)).isEqualTo(1);
    }

    @Test
    void anUnreachableHostStopsNoOtherAndUnreadableEventsGoToTheDeadLetters() throws Exception {
        created(api.post("/api/v1/environments", map("name", "staging", "rank", 5)));
        created(api.post(
                "/api/v1/apps", map("name", "other", "image", REGISTRY.get().host() + "/other/web")));
        assertThat(api.put(
                                "/api/v1/apps/shop/targets/prod",
                                map("deployer", dockerDeployer(ENGINE.get().host(), "shop-web")))
                        .status())
                .isEqualTo(200);
        assertThat(api.put(
                                "/api/v1/apps/other/targets/staging",
                                map("deployer", dockerDeployer("tcp://127.0.0.1:1", "other-web")))
                        .status())
                .isEqualTo(200);
        created(api.post("/api/v1/runtime-sources", map("name", "docker-hosts", "type", "docker")));
        created(api.post(
                "/api/v1/runtime-sources",
                map("name", "gone", "type", "docker", "endpoint", "unix:///nonexistent/docker.sock")));
        created(api.post(
                "/api/v1/runtime-sources",
                map(
                        "name",
                        "over-tcp",
                        "type",
                        "docker",
                        "endpoint",
                        ENGINE.get().tcpHost())));
        watcher.rescan();
        assertThat(watcher.watching())
                .containsEntry("docker-hosts", java.util.Set.of(ENGINE.get().host(), "tcp://127.0.0.1:1"))
                .containsEntry("gone", java.util.Set.of("unix:///nonexistent/docker.sock"));

        String started = engine.create("shop-web", container(List.of("/bin/sh", "-c", "sleep 60"), null, null));
        containers.add(started);
        engine.start(started);
        await(
                "the container on the reachable host",
                () -> instance(ENGINE.get().host() + "/containers/" + started)
                        .filter(i -> status(i).equals("running")));
        JsonNode overTcp = await(
                "the same container, streamed over TCP",
                () -> instance(ENGINE.get().tcpHost() + "/containers/" + started)
                        .filter(i -> status(i).equals("running")));
        assertThat(overTcp.get("source").asString()).isEqualTo("over-tcp");

        var source = sources.find("docker-hosts");
        assertThatThrownBy(() -> intake.accept(
                        source, "{\"host\": \"" + ENGINE.get().host() + "\", \"event\": {\"Type\": \"container\""))
                .isInstanceOf(UnreadableEvent.class)
                .hasMessageContaining("not JSON");
        assertThat(dockerIntake.submit(
                        source,
                        "{\"host\": \"tcp://h:2375\", \"event\": {\"Type\": \"container\", \"Action\": \"start\"}}"))
                .isEmpty();
        JsonNode dead = api.get("/api/v1/runtime-sources/docker-hosts/dead-letters")
                .json()
                .get("items");
        assertThat(dead)
                .singleElement()
                .satisfies(d -> assertThat(d.get("reason").asString()).isEqualTo("event.Actor.ID: is missing"));
    }

    // --- helpers ---

    /** A container of app shop in prod, labelled as the docker deployer labels its own (without a deploy). */
    private Map<String, Object> container(List<String> cmd, @Nullable String restart, @Nullable Long memory) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("Image", image);
        b.put("Labels", Map.of("dev.catapult.app", "shop", "dev.catapult.environment", "prod"));
        b.put("Cmd", cmd);
        Map<String, Object> hostConfig = new LinkedHashMap<>();
        if (restart != null) {
            hostConfig.put("RestartPolicy", Map.of("Name", restart, "MaximumRetryCount", 4));
        }
        b.put("HostConfig", hostConfig);
        return b;
    }

    /** Waits until a labelled container created now is seen, so the watch follows the stream live. */
    private void awaitWatching() throws InterruptedException {
        String probe = engine.create(
                "probe-" + System.nanoTime(), container(List.of("/bin/sh", "-c", "sleep 60"), null, null));
        containers.add(probe);
        engine.start(probe);
        await(
                "the probe container",
                () -> instance(ENGINE.get().host() + "/containers/" + probe)
                        .filter(i -> status(i).equals("running")));
        engine.remove(probe);
    }

    private Optional<JsonNode> instance(String taskArn) {
        Api.Response r = api.get("/api/v1/instances?app=shop&environment=prod&limit=500");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode i : r.json().get("items")) {
            if (i.get("taskArn").asString().equals(taskArn)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static String status(JsonNode instance) {
        return instance.get("status").asString();
    }

    private Optional<JsonNode> whatsRunning(String app, String environment) {
        for (JsonNode e : api.get("/api/v1/whats-running-where").json().get("items")) {
            if (e.get("app").asString().equals(app)
                    && e.get("environment").asString().equals(environment)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private long exits(String taskArn) {
        return jdbc.sql("select count(*) from instance_exits where task_arn = ?")
                .param(taskArn)
                .query(Long.class)
                .single();
    }

    private int recentExits(String app, String environment) {
        return jdbc.sql("""
        select count(*) from instance_exits x join apps a on a.id = x.app_id join environments e on e.id = x.environment_id
        where a.name = ? and e.name = ? and x.exited_at > now() - interval '10 minutes'
        """).params(app, environment).query(Integer.class).single();
    }

    private Map<String, Object> instanceRow(String taskArn) {
        return jdbc.sql(
                        "select status, version, exit_code, stopped_reason, updated_at, digest, app_id, environment_id from instances where task_arn = ?")
                .param(taskArn)
                .query()
                .singleRow();
    }

    private long archived() {
        return jdbc.sql("select coalesce(max(id), 0) from runtime_events")
                .query(Long.class)
                .single();
    }

    private JsonNode awaitDeploy(JsonNode deploy) throws InterruptedException {
        String id = deploy.get("id").asString();
        return await(
                "deploy " + id,
                () -> Optional.of(api.get("/api/v1/deploys/" + id).json())
                        .filter(d -> d.get("status").asString().equals("succeeded")
                                || d.get("status").asString().equals("failed")));
    }

    private <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        Instant until = Instant.now().plus(SEEN);
        while (Instant.now().isBefore(until)) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not seen within " + SEEN.toSeconds() + " s: " + what + "; instances: "
                + api.get("/api/v1/instances?limit=50").raw() + "\nevents: "
                + jdbc.sql("select event_id || ' -> ' || outcome from runtime_events order by id")
                        .query(String.class)
                        .list()
                + "\ndockerd log:\n" + ENGINE.get().log());
    }

    private static void created(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
    }
}
