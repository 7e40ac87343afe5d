package dev.catapult.targets;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.ServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The target API answers with the typed settings mapped back exactly as the stored documents read. */
class TargetApiTest extends ServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aTargetShowsItsSettingsInTheOrderAndShapeTheDatabaseStoresThem() {
        api.post("/api/v1/environments", map("name", "prod", "rank", 10));
        api.post("/api/v1/apps", map("name", "shop", "image", "127.0.0.1:5000/shop/web"));
        var put = api.put(
                "/api/v1/apps/shop/targets/prod",
                map(
                        "deployer",
                        map(
                                "type",
                                "docker",
                                "host",
                                "tcp://127.0.0.1:2375",
                                "container",
                                "shop-web",
                                "ports",
                                List.of("127.0.0.1:8081:80"),
                                "env",
                                Map.of("MODE", "prod"),
                                "secretEnv",
                                Map.of("TOKEN", "SHOP_TOKEN"),
                                "healthCheck",
                                map("http", "http://127.0.0.1:8081/", "timeout", "5s"),
                                "timeout",
                                "10m"),
                        "watch",
                        map(
                                "policy",
                                "regex",
                                "include",
                                "^build-(\\d+)$",
                                "exclude",
                                "-rc",
                                "order",
                                "numeric",
                                "minAge",
                                "5m",
                                "autoDeploy",
                                false)));
        assertThat(put.status()).as(put.raw()).isEqualTo(200);
        // The change queues an evaluation, which stores its result: wait for it so the answer below is settled.
        awaitEvaluated();
        var held = api.post(
                "/api/v1/apps/shop/targets/prod/watch/hold", map("reason", "freeze", "until", "2999-01-01T00:00:00Z"));
        assertThat(held.status()).as(held.raw()).isEqualTo(200);

        JsonNode shown = api.get("/api/v1/apps/shop/targets/prod").json();
        Map<String, Object> stored = jdbc.sql(
                        "select deployer::text as deployer, watch::text as watch, last_evaluation::text as evaluation from targets")
                .query()
                .singleRow();

        assertThat(shown.get("deployer").toString())
                .isEqualTo(JSON.readTree((String) stored.get("deployer")).toString());
        ObjectNode watch = (ObjectNode) shown.get("watch").deepCopy();
        assertThat(new ArrayList<>(watch.propertyNames()).subList(watch.size() - 2, watch.size()))
                .containsExactly("hold", "lastEvaluation");
        JsonNode hold = watch.remove("hold");
        assertThat(watch.remove("lastEvaluation").toString())
                .isEqualTo(JSON.readTree((String) stored.get("evaluation")).toString());
        assertThat(watch.toString())
                .isEqualTo(JSON.readTree((String) stored.get("watch")).toString());
        List<String> holdFields = new ArrayList<>(hold.propertyNames());
        assertThat(holdFields).containsExactly("reason", "until", "by", "at");
        assertThat(hold.get("until").asString()).isEqualTo("2999-01-01T00:00:00Z");
    }

    private void awaitEvaluated() {
        long until = System.nanoTime() + 20_000_000_000L;
        while (jdbc.sql("select count(*) from targets where last_evaluation is not null")
                        .query(Long.class)
                        .single()
                == 0) {
            assertThat(System.nanoTime()).as("the watch was never evaluated").isLessThan(until);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void patchingTheWatchOfAHeldTargetKeepsTheHoldOutOfTheSettings() {
        api.post("/api/v1/environments", map("name", "prod", "rank", 10));
        api.post("/api/v1/apps", map("name", "shop", "image", "127.0.0.1:5000/shop/web"));
        api.put(
                "/api/v1/apps/shop/targets/prod",
                map("deployer", map("type", "record"), "watch", map("policy", "semver")));
        api.post("/api/v1/apps/shop/targets/prod/watch/hold", map("reason", "freeze"));

        var patched = api.patch("/api/v1/apps/shop/targets/prod/watch", map("autoDeploy", true));

        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.json().get("watch").get("autoDeploy").asBoolean()).isTrue();
        assertThat(patched.json().get("watch").get("hold").get("reason").asString())
                .isEqualTo("freeze");
        String stored =
                jdbc.sql("select watch::text from targets").query(String.class).single();
        assertThat(JSON.readTree(stored).has("hold")).isFalse();
    }
}
