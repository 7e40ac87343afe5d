package dev.catapult.watch;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import dev.catapult.testkit.registry.DockerRegistry;
import dev.catapult.testkit.registry.LayerTar;
import dev.catapult.testkit.registry.OciLayout;
import dev.catapult.testkit.registry.RegistryOptions;
import dev.catapult.testkit.registry.Skopeo;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * registrywatcher's scenarios against a real registry that notifies Catapult, with the record deployer:
 * lower versions ignored, higher ones deployed, pinned tags followed by digest, automation off and back on
 * catching up, and a human rollback holding automation until released.
 */
class AutoDeployTest extends ServerTest {
    private static final String SECRET = "auto-deploy-notification-secret";
    private static DockerRegistry registry;
    private static int pushes;

    @BeforeEach
    void watchedApp() {
        if (registry == null) {
            registry = DockerRegistry.start(RegistryOptions.defaults()
                    .withNotifications(URI.create("http://127.0.0.1:" + port + "/hooks/registry/local"), SECRET));
        }
        api.post(
                "/api/v1/registries",
                map("name", "local", "url", registry.url().toString(), "notificationSecret", SECRET));
        api.post("/api/v1/environments", map("name", "prod", "rank", 30));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    private String app(String name, Object watch) {
        api.post("/api/v1/apps", map("name", name, "image", registry.host() + "/auto/" + name));
        Api.Response r = api.put(
                "/api/v1/apps/" + name + "/targets/prod", map("deployer", map("type", "record"), "watch", watch));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return name;
    }

    /** Pushes an image for {@code app} at {@code tag} with a revision label; returns its digest. */
    private String push(String app, String tag) throws Exception {
        int n = ++pushes;
        Path dir = Files.createTempDirectory("oci");
        OciLayout layout = OciLayout.create(dir);
        OciLayout.Descriptor image = layout.image()
                .label("org.opencontainers.image.revision", String.format("%040x", 0xC0FFEE00L + n))
                .layer(LayerTar.create()
                        .file("app/package.json", "{\"push\":" + n + "}")
                        .build(LayerTar.Compression.GZIP))
                .build();
        layout.tag(tag, image);
        Skopeo.require().copy(layout.dir(), tag, registry.reference("auto/" + app, tag));
        return image.digest();
    }

    private JsonNode awaitTarget(String app, Predicate<JsonNode> done) {
        Instant until = Instant.now().plus(Duration.ofSeconds(25));
        JsonNode t = null;
        while (Instant.now().isBefore(until)) {
            t = api.get("/api/v1/apps/" + app + "/targets/prod").json();
            if (done.test(t)) {
                return t;
            }
            sleep(100);
        }
        throw new AssertionError("target never reached the expected state: " + t);
    }

    private static Predicate<JsonNode> evaluated(String outcome, String tag) {
        return t -> t.path("watch")
                        .path("lastEvaluation")
                        .path("outcome")
                        .asString("")
                        .equals(outcome)
                && (tag == null
                        || t.path("watch")
                                .path("lastEvaluation")
                                .path("tag")
                                .asString("")
                                .equals(tag));
    }

    private JsonNode running(String app) {
        return api.get("/api/v1/status?environment=prod&app=" + app)
                .json()
                .get("entries")
                .get(0);
    }

    private void awaitRunning(String app, long version) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until) && running(app).path("version").asLong(-1) != version) {
            sleep(100);
        }
        assertThat(running(app).path("version").asLong(-1))
                .as("running version of " + app)
                .isEqualTo(version);
    }

    private String runningImage(String app) {
        long version = running(app).get("version").asLong();
        return api.get("/api/v1/apps/" + app + "/releases/" + version)
                .json()
                .get("image")
                .asString();
    }

    @Test
    void aHigherVersionIsDeployedAndALowerOneIsNot() throws Exception {
        String app = app("semverapp", map("policy", "semver", "autoDeploy", true));
        String v110 = push(app, "1.1.0");
        awaitTarget(app, evaluated("deployed", "1.1.0"));
        awaitRunning(app, 1);
        assertThat(runningImage(app)).endsWith(v110);
        JsonNode release = api.get("/api/v1/apps/" + app + "/releases/1").json();
        assertThat(release.get("source").asString()).isEqualTo("registry");
        assertThat(release.get("author").asString()).isEqualTo("catapult-auto");
        assertThat(release.get("imageTag").asString()).isEqualTo("1.1.0");

        push(app, "1.0.5");
        awaitTarget(app, evaluated("up-to-date", null));
        assertThat(running(app).get("version").asLong()).isEqualTo(1);

        String v200 = push(app, "2.0.0");
        awaitTarget(app, evaluated("deployed", "2.0.0"));
        awaitRunning(app, 2);
        assertThat(runningImage(app)).endsWith(v200);
        assertThat(api.get("/api/v1/apps/" + app + "/deploys")
                        .json()
                        .get("items")
                        .findValuesAsString("reason"))
                .containsOnly("auto");
    }

    @Test
    void aPinnedTagIsRedeployedWhenItsContentChanges() throws Exception {
        String app = app("pinnedapp", map("policy", "pinned", "pinnedTag", "stable", "autoDeploy", true));
        String first = push(app, "stable");
        awaitRunning(app, 1);
        assertThat(runningImage(app)).endsWith(first);
        String second = push(app, "stable");
        awaitRunning(app, 2);
        assertThat(runningImage(app)).endsWith(second);
    }

    @Test
    void withAutoDeployOffNothingHappensAndTurningItOnCatchesUp() throws Exception {
        String app = app("toggleapp", map("policy", "semver", "autoDeploy", false));
        push(app, "1.0.0");
        awaitTarget(app, evaluated("auto-deploy-off", "1.0.0"));
        String v3 = push(app, "3.0.0");
        awaitTarget(app, evaluated("auto-deploy-off", "3.0.0"));
        assertThat(running(app).path("version").isNull()).isTrue();
        assertThat(api.patch("/api/v1/apps/" + app + "/targets/prod/watch", map("autoDeploy", true))
                        .status())
                .isEqualTo(200);
        awaitRunning(app, 1);
        assertThat(runningImage(app))
                .as("catches up straight to the newest eligible image")
                .endsWith(v3);
    }

    @Test
    void aManualRollbackHoldsAutomationUntilAHumanReleasesIt() throws Exception {
        String app = app("holdapp", map("policy", "semver", "autoDeploy", true));
        push(app, "1.0.0");
        awaitRunning(app, 1);
        push(app, "1.1.0");
        awaitRunning(app, 2);
        Api.Response rollback = api.post(
                "/api/v1/apps/" + app + "/deploys", map("environment", "prod", "version", 1, "rollback", true));
        assertThat(rollback.status()).isEqualTo(202);
        awaitRunning(app, 1);
        JsonNode held = api.get("/api/v1/apps/" + app + "/targets/prod").json();
        assertThat(held.get("watch").get("hold").get("reason").asString()).contains("rolled back to v1");

        String v120 = push(app, "1.2.0");
        awaitTarget(app, evaluated("held", null));
        sleep(1000);
        assertThat(running(app).get("version").asLong())
                .as("the newer push waits for the human")
                .isEqualTo(1);

        assertThat(api.delete("/api/v1/apps/" + app + "/targets/prod/watch/hold")
                        .status())
                .isEqualTo(200);
        awaitRunning(app, 3);
        assertThat(runningImage(app)).endsWith(v120);
        assertThat(api.get("/api/v1/apps/" + app + "/deploys")
                        .json()
                        .get("items")
                        .findValuesAsString("reason"))
                .containsExactly("auto", "rollback", "auto", "auto");
    }

    @Test
    void anExpiredHoldNoLongerHoldsAutomation() throws Exception {
        String app = app("expiryapp", map("policy", "semver", "autoDeploy", true));
        api.post(
                "/api/v1/apps/" + app + "/targets/prod/watch/hold",
                map(
                        "reason",
                        "change freeze",
                        "until",
                        Instant.now().plusSeconds(3).toString()));
        push(app, "1.0.0");
        awaitTarget(app, evaluated("held", null));
        sleep(3500);
        api.patch("/api/v1/apps/" + app + "/targets/prod/watch", map("autoDeploy", true));
        awaitRunning(app, 1);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
