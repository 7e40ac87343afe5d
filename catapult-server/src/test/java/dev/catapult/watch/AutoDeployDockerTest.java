package dev.catapult.watch;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import dev.catapult.testkit.Ports;
import dev.catapult.testkit.docker.BusyboxImage;
import dev.catapult.testkit.docker.DockerEngineExtension;
import dev.catapult.testkit.registry.DockerRegistry;
import dev.catapult.testkit.registry.RegistryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * registrywatcher's scenarios end to end against a real registry that notifies Catapult and a real Docker
 * engine ({@code dockerd} on a private socket) behind a {@code docker} target: every assertion about what runs
 * is checked on the engine (the container named for the target, the digest it was created from and pulled by,
 * its labels) and on the published port (the page the release serves), as well as in the ledger.
 */
class AutoDeployDockerTest extends ServerTest {
    @RegisterExtension
    static final DockerEngineExtension ENGINE = new DockerEngineExtension();

    private static final String SECRET = "auto-deploy-docker-notification-secret";
    private static final Duration EVALUATED = Duration.ofSeconds(30);
    private static final Duration DEPLOYED = Duration.ofSeconds(60);
    private static DockerRegistry registry;
    private static int pushes;

    @TempDir
    static Path work;

    @Autowired
    WatchEvaluations evaluations;

    private DockerScenario engine;
    private final List<Target> targets = new ArrayList<>();

    /** A watched app whose prod target runs container {@code container}, published on {@code port}. */
    private record Target(String app, String container, int port) {}

    /** An image pushed as {@code tag}: its digest reference and the page it serves. */
    private record Pushed(String tag, String ref, String page, String revision, Instant started) {
        String digest() {
            return ref.substring(ref.indexOf('@') + 1);
        }
    }

    @BeforeEach
    void registryAndEnvironment() {
        if (registry == null) {
            registry = DockerRegistry.start(RegistryOptions.defaults()
                    .withNotifications(URI.create("http://127.0.0.1:" + port + "/hooks/registry/local"), SECRET));
        }
        engine = new DockerScenario(ENGINE.get().socket());
        api.post(
                "/api/v1/registries",
                map("name", "local", "url", registry.url().toString(), "notificationSecret", SECRET));
        api.post("/api/v1/environments", map("name", "prod", "rank", 30));
    }

    @AfterEach
    void removeContainers() {
        targets.forEach(t -> engine.removeAll(t.app(), t.container()));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }

    @Test
    void aLowerVersionIsIgnoredAndAHigherOneRunsItsDigest() {
        Target t = watched("semverweb", map("policy", "semver", "autoDeploy", true));
        Pushed v110 = push(t, "1.1.0");
        awaitEvaluation(t, deployed("1.1.0"));
        String first = awaitRunning(t, 1, v110);
        JsonNode release = api.get("/api/v1/apps/" + t.app() + "/releases/1").json();
        assertThat(release.get("source").asString()).isEqualTo("registry");
        assertThat(release.get("author").asString()).isEqualTo("catapult-auto");
        assertThat(release.get("imageTag").asString()).isEqualTo("1.1.0");
        assertThat(release.get("commit").asString()).isEqualTo(v110.revision());

        Pushed v105 = push(t, "1.0.5");
        JsonNode judged = awaitEvaluation(t, after(v105, "up-to-date"));
        assertThat(judged.at("/watch/lastEvaluation/trigger").asString()).isEqualTo("scan");
        staysPut(t, first, 1, v110, 1);

        Pushed v200 = push(t, "2.0.0");
        awaitEvaluation(t, deployed("2.0.0"));
        String second = awaitRunning(t, 2, v200);
        assertThat(second).as("a new container replaced the old one").isNotEqualTo(first);
        assertThat(engine.container(first)).as("the replaced container is gone").isEmpty();
        assertThat(reasons(t)).containsExactly("auto", "auto");
    }

    @Test
    void aPinnedTagRePushedWithNewContentIsRedeployed() {
        Target t = watched("pinnedweb", map("policy", "pinned", "pinnedTag", "stable", "autoDeploy", true));
        Pushed first = push(t, "stable");
        awaitEvaluation(t, deployed("stable"));
        String before = awaitRunning(t, 1, first);

        Pushed second = push(t, "stable");
        assertThat(second.digest()).isNotEqualTo(first.digest());
        awaitEvaluation(t, deployed("stable").and(digest(second)));
        String after = awaitRunning(t, 2, second);
        assertThat(after).isNotEqualTo(before);
        assertThat(api.get("/api/v1/apps/" + t.app() + "/releases/2")
                        .json()
                        .get("imageTag")
                        .asString())
                .isEqualTo("stable");
        assertThat(reasons(t)).containsExactly("auto", "auto");
    }

    @Test
    void withAutoDeployOffNothingChangesAndTurningItOnCatchesUpToTheNewestAtOnce() {
        Target t = watched("toggleweb", map("policy", "semver", "autoDeploy", true));
        Pushed v1 = push(t, "1.0.0");
        String running = awaitRunning(t, 1, v1);
        Api.Response off = api.patch("/api/v1/apps/" + t.app() + "/targets/prod/watch", map("autoDeploy", false));
        assertThat(off.status()).as(off.raw()).isEqualTo(200);

        push(t, "2.0.0");
        awaitEvaluation(t, evaluated("auto-deploy-off", "2.0.0"));
        Pushed v3 = push(t, "3.0.0");
        JsonNode wouldDeploy = awaitEvaluation(t, evaluated("auto-deploy-off", "3.0.0"));
        assertThat(wouldDeploy.at("/watch/lastEvaluation/digest").asString()).isEqualTo(v3.digest());
        staysPut(t, running, 1, v1, 1);

        Instant switchedOn = Instant.now();
        Api.Response on = api.patch("/api/v1/apps/" + t.app() + "/targets/prod/watch", map("autoDeploy", true));
        assertThat(on.status()).as(on.raw()).isEqualTo(200);
        JsonNode caughtUp = awaitEvaluation(t, deployed("3.0.0"));
        assertThat(caughtUp.at("/watch/lastEvaluation/trigger").asString())
                .as("the switch itself, not the minute sweep")
                .isEqualTo("watch");
        awaitRunning(t, 2, v3);
        assertThat(Duration.between(switchedOn, Instant.now())).isLessThan(Duration.ofSeconds(45));
        assertThat(reasons(t)).as("2.0.0 was skipped, straight to the newest").containsExactly("auto", "auto");
        assertThat(api.get("/api/v1/apps/" + t.app() + "/releases")
                        .json()
                        .get("items")
                        .findValuesAsString("imageTag"))
                .containsExactlyInAnyOrder("1.0.0", "3.0.0");
    }

    @Test
    void aManualRollbackHoldsAutomationUntilAHumanReleasesIt() {
        Target t = watched("holdweb", map("policy", "semver", "autoDeploy", true));
        Pushed v100 = push(t, "1.0.0");
        awaitRunning(t, 1, v100);
        Pushed v110 = push(t, "1.1.0");
        awaitRunning(t, 2, v110);

        Api.Response rollback = api.post(
                "/api/v1/apps/" + t.app() + "/deploys", map("environment", "prod", "version", 1, "rollback", true));
        assertThat(rollback.status()).as(rollback.raw()).isEqualTo(202);
        String rolledBack = awaitRunning(t, 1, v100);
        JsonNode held = api.get("/api/v1/apps/" + t.app() + "/targets/prod").json();
        assertThat(held.at("/watch/hold/reason").asString()).contains("rolled back to v1");

        Pushed v120 = push(t, "1.2.0");
        awaitEvaluation(t, after(v120, "held"));
        staysPut(t, rolledBack, 1, v100, 3);

        Api.Response release = api.delete("/api/v1/apps/" + t.app() + "/targets/prod/watch/hold");
        assertThat(release.status()).as(release.raw()).isEqualTo(200);
        JsonNode resumed = awaitEvaluation(t, deployed("1.2.0"));
        assertThat(resumed.at("/watch/lastEvaluation/trigger").asString()).isEqualTo("hold-released");
        awaitRunning(t, 3, v120);
        assertThat(reasons(t)).containsExactly("auto", "rollback", "auto", "auto");
    }

    @Test
    void aHoldThatExpiresLetsTheNextSweepDeploy() {
        Target t = watched("expiryweb", map("policy", "semver", "autoDeploy", true));
        Pushed v100 = push(t, "1.0.0");
        String running = awaitRunning(t, 1, v100);
        Instant until = Instant.now().plusSeconds(8);
        Api.Response hold = api.post(
                "/api/v1/apps/" + t.app() + "/targets/prod/watch/hold",
                map("reason", "change freeze", "until", until.toString()));
        assertThat(hold.status()).as(hold.raw()).isEqualTo(200);

        Pushed v110 = push(t, "1.1.0");
        awaitEvaluation(t, after(v110, "held"));
        assertThat(Instant.now())
                .as("the hold was still in force when the push was judged (push and scan too slow?)")
                .isBefore(until);
        staysPut(t, running, 1, v100, 1);

        while (!Instant.now().isAfter(until.plusMillis(200))) {
            sleep(100);
        }
        evaluations.sweep(); // the minute's sweep of watched targets, run now rather than waited for
        JsonNode swept = awaitEvaluation(t, deployed("1.1.0"));
        assertThat(swept.at("/watch/lastEvaluation/trigger").asString()).isEqualTo("sweep");
        awaitRunning(t, 2, v110);
        assertThat(reasons(t)).containsExactly("auto", "auto");
    }

    // --- scenario plumbing ---

    private Target watched(String app, Object watch) {
        Target t = new Target(app, "auto-" + app, Ports.freeLoopbackPort());
        targets.add(t);
        Api.Response created = api.post("/api/v1/apps", map("name", app, "image", registry.host() + "/auto/" + app));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        Api.Response r = api.put(
                "/api/v1/apps/" + app + "/targets/prod",
                map(
                        "deployer",
                        map(
                                "type",
                                "docker",
                                "host",
                                ENGINE.get().host(),
                                "container",
                                t.container(),
                                "ports",
                                List.of("127.0.0.1:" + t.port() + ":8080"),
                                "healthCheck",
                                map("http", "http://127.0.0.1:" + t.port() + "/", "timeout", "30s")),
                        "watch",
                        watch));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return t;
    }

    /** Pushes a busybox httpd image serving "{app} {tag} #{n}", labelled with a fresh 40-hex revision. */
    private Pushed push(Target t, String tag) {
        int n = ++pushes;
        String page = t.app() + " " + tag + " #" + n;
        String revision = String.format("%040x", 0xD0C4E400L + n);
        Instant started = Instant.now();
        try {
            Path dir = Files.createTempDirectory(work, "image-");
            String ref = BusyboxImage.serving(page)
                    .label("org.opencontainers.image.revision", revision)
                    .push(registry, dir, "auto/" + t.app(), tag);
            return new Pushed(tag, ref, page, revision, started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode target(Target t) {
        return api.get("/api/v1/apps/" + t.app() + "/targets/prod").json();
    }

    private JsonNode awaitEvaluation(Target t, Predicate<JsonNode> done) {
        Instant until = Instant.now().plus(EVALUATED);
        JsonNode target = null;
        while (Instant.now().isBefore(until)) {
            target = target(t);
            if (done.test(target)) {
                return target;
            }
            sleep(100);
        }
        throw new AssertionError("the watch of " + t.app() + " never evaluated as expected: " + target.path("watch"));
    }

    private static Predicate<JsonNode> evaluated(String outcome, String tag) {
        return target -> {
            JsonNode e = target.path("watch").path("lastEvaluation");
            return e.path("outcome").asString("").equals(outcome)
                    && e.path("tag").asString("").equals(tag);
        };
    }

    private static Predicate<JsonNode> deployed(String tag) {
        return evaluated("deployed", tag);
    }

    private static Predicate<JsonNode> digest(Pushed image) {
        return target -> target.at("/watch/lastEvaluation/digest").asString("").equals(image.digest());
    }

    /** {@code outcome}, from an evaluation made after {@code image}'s push began, once the image is scanned. */
    private Predicate<JsonNode> after(Pushed image, String outcome) {
        return target -> {
            JsonNode e = target.path("watch").path("lastEvaluation");
            if (!e.path("outcome").asString("").equals(outcome)
                    || !Instant.parse(e.path("at").asString()).isAfter(image.started())) {
                return false;
            }
            Api.Response artifact = api.get("/api/v1/artifacts/" + image.digest());
            return artifact.status() == 200
                    && artifact.json().path("scanStatus").asString("").equals("scanned");
        };
    }

    private JsonNode deploys(Target t) {
        return api.get("/api/v1/apps/" + t.app() + "/deploys").json().get("items");
    }

    private List<String> reasons(Target t) {
        return deploys(t).findValuesAsString("reason");
    }

    private long runningVersion(Target t) {
        return api.get("/api/v1/status?environment=prod&app=" + t.app())
                .json()
                .get("entries")
                .get(0)
                .path("version")
                .asLong(-1);
    }

    /**
     * Waits until release {@code version} runs in prod (its deploy succeeded), failing at once on a failed deploy,
     * then checks the engine and the port; returns the container's id.
     */
    private String awaitRunning(Target t, long version, Pushed image) {
        Instant until = Instant.now().plus(DEPLOYED);
        while (runningVersion(t) != version) {
            for (JsonNode d : deploys(t)) {
                if (d.get("status").asString().equals("failed")) {
                    throw new AssertionError("deploy failed: " + d + "\ndockerd log:\n"
                            + ENGINE.get().log());
                }
            }
            if (Instant.now().isAfter(until)) {
                Api.Response artifact = api.get("/api/v1/artifacts/" + image.digest());
                throw new AssertionError(
                        "v" + version + " of " + t.app() + " not running within " + DEPLOYED.toSeconds() + " s; watch: "
                                + target(t).path("watch") + "; " + image.tag() + " scan: "
                                + (artifact.status() == 200
                                        ? artifact.json().path("scanStatus") + " "
                                                + artifact.json().path("scanError")
                                        : "HTTP " + artifact.status())
                                + "; deploys: " + deploys(t) + "\ndockerd log:\n"
                                + ENGINE.get().log());
            }
            sleep(100);
        }
        return assertRuns(t, version, image);
    }

    /** The engine runs {@code image} as release {@code version} in the target's container, which serves its page. */
    private String assertRuns(Target t, long version, Pushed image) {
        assertThat(api.get("/api/v1/apps/" + t.app() + "/releases/" + version)
                        .json()
                        .get("image")
                        .asString())
                .as("release v%d's image", version)
                .isEqualTo(image.ref());
        JsonNode c = engine.container(t.container())
                .orElseThrow(() -> new AssertionError("no container " + t.container() + "\ndockerd log:\n"
                        + ENGINE.get().log()));
        String id = c.get("Id").asString();
        assertThat(c.get("Name").asString()).isEqualTo("/" + t.container());
        assertThat(c.at("/State/Running").asBoolean())
                .as("%s runs", t.container())
                .isTrue();
        assertThat(c.at("/Config/Image").asString())
                .as("the reference %s was created from", t.container())
                .isEqualTo(image.ref());
        assertThat(c.at("/Config/Labels/dev.catapult.release").asString()).isEqualTo(Long.toString(version));
        assertThat(c.at("/Config/Labels/dev.catapult.app").asString()).isEqualTo(t.app());
        assertThat(engine.image(c.get("Image").asString())
                        .get("RepoDigests")
                        .valueStream()
                        .map(JsonNode::asString))
                .as("the local image %s runs was pulled by digest", t.container())
                .contains(image.ref());
        assertThat(engine.containersOf(t.app()))
                .as("one container for the app, nothing set aside left over")
                .singleElement()
                .satisfies(only -> assertThat(only.get("Id").asString()).isEqualTo(id));
        JsonNode latest = deploys(t).get(0);
        assertThat(latest.get("status").asString()).isEqualTo("succeeded");
        assertThat(latest.get("deployer").asString()).isEqualTo("docker");
        assertThat(latest.get("externalRef").asString())
                .as("the deploy records the container")
                .isEqualTo(id);
        assertThat(c.at("/Config/Labels/dev.catapult.deploy").asString())
                .isEqualTo(latest.get("id").asString());
        assertThat(DockerScenario.page(t.port()))
                .as("what port %d serves", t.port())
                .isEqualTo(image.page());
        return id;
    }

    /** For a moment, nothing moves: the same container runs the same image and no deploy is requested. */
    private void staysPut(Target t, String containerId, long version, Pushed image, int deployCount) {
        Instant until = Instant.now().plusMillis(1500);
        do {
            assertThat(deploys(t)).as("deploys of %s", t.app()).hasSize(deployCount);
            assertThat(engine.container(t.container()).map(c -> c.get("Id").asString()))
                    .contains(containerId);
            sleep(250);
        } while (Instant.now().isBefore(until));
        assertThat(runningVersion(t)).isEqualTo(version);
        assertThat(assertRuns(t, version, image)).isEqualTo(containerId);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
