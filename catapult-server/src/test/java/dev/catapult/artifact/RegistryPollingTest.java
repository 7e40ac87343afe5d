package dev.catapult.artifact;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.registry.Registries;
import dev.catapult.testing.ServerTest;
import dev.catapult.testkit.registry.DockerRegistryExtension;
import dev.catapult.testkit.registry.LayerTar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Polling, with notifications off: it finds pushes and moved pinned tags, and costs nothing extra when idle. */
class RegistryPollingTest extends ServerTest {
    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = new DockerRegistryExtension();

    @Autowired
    RegistryPoller poller;

    @Autowired
    Registries registries;

    @BeforeEach
    void watchedApp() {
        RegistryFixtures.register(api, REGISTRY.get(), "local", "unused-notification-secret");
        api.post("/api/v1/environments", map("name", "dev", "rank", 10));
        api.post("/api/v1/apps", map("name", "polled", "image", REGISTRY.get().host() + "/poll/app"));
        api.put(
                "/api/v1/apps/polled/targets/dev",
                map(
                        "deployer",
                        map("type", "record"),
                        "watch",
                        map("policy", "pinned", "pinnedTag", "stable", "autoDeploy", false)));
    }

    private static LayerTar.Layer layer(String content) {
        return LayerTar.create().file("app/package.json", content).build(LayerTar.Compression.GZIP);
    }

    private JsonNode stats() {
        return api.get("/api/v1/registries/local/stats").json();
    }

    @Test
    void aPollFindsPushesMadeWhileNotificationsWereOff() throws Exception {
        String v1 = RegistryFixtures.push(REGISTRY.get(), "poll/app", "1.0.0", "polled", layer("{\"v\":1}"));
        RegistryFixtures.push(REGISTRY.get(), "poll/app", "stable", "polled", layer("{\"v\":1}"));
        PollerCycle cycle = new PollerCycle(poller.poll(registries.find("local")));
        assertThat(cycle.cycle().newOrGoneTags()).isEqualTo(1);
        assertThat(cycle.cycle().movedPinnedTags()).isEqualTo(1);
        JsonNode artifact = RegistryFixtures.awaitScanned(api, REGISTRY.get().host() + "/poll/app", "1.0.0");
        assertThat(artifact.get("digest").asString()).isEqualTo(v1);
        assertThat(artifact.get("tags").valueStream().map(JsonNode::asString).toList())
                .containsExactly("1.0.0", "stable");
    }

    @Test
    void anIdleCycleSendsOneTagListPerRepositoryAndOneHeadPerPinnedTagAndNothingElse() throws Exception {
        RegistryFixtures.push(REGISTRY.get(), "poll/app", "stable", "polled", layer("{\"v\":1}"));
        poller.poll(registries.find("local"));
        RegistryFixtures.awaitJobsSettled(jdbc);
        JsonNode before = stats();
        poller.poll(registries.find("local"));
        poller.poll(registries.find("local"));
        RegistryFixtures.awaitJobsSettled(jdbc);
        JsonNode after = stats();
        assertThat(after.get("tagList").asLong() - before.get("tagList").asLong())
                .isEqualTo(2);
        assertThat(after.get("headManifest").asLong()
                        - before.get("headManifest").asLong())
                .isEqualTo(2);
        assertThat(after.get("total").asLong() - before.get("total").asLong()).isEqualTo(4);
    }

    @Test
    void aRepushedPinnedTagIsFoundByTheNextCycle() throws Exception {
        String first = RegistryFixtures.push(REGISTRY.get(), "poll/app", "stable", "polled", layer("{\"v\":1}"));
        poller.poll(registries.find("local"));
        assertThat(RegistryFixtures.awaitScanned(api, REGISTRY.get().host() + "/poll/app", "stable")
                        .get("digest")
                        .asString())
                .isEqualTo(first);
        String second = RegistryFixtures.push(REGISTRY.get(), "poll/app", "stable", "polled", layer("{\"v\":2}"));
        assertThat(poller.poll(registries.find("local")).movedPinnedTags()).isEqualTo(1);
        assertThat(RegistryFixtures.awaitScanned(api, REGISTRY.get().host() + "/poll/app", "stable")
                        .get("digest")
                        .asString())
                .isEqualTo(second);
        assertThat(jdbc.sql("select count(*) from tag_history where tag = 'stable'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private record PollerCycle(RegistryPoller.Cycle cycle) {}
}
