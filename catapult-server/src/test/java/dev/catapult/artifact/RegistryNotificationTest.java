package dev.catapult.artifact;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import dev.catapult.testkit.registry.DockerRegistry;
import dev.catapult.testkit.registry.LayerTar;
import dev.catapult.testkit.registry.RegistryOptions;
import dev.catapult.testkit.registry.Skopeo;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A real registry notifies Catapult of pushes and deletes; intake is authenticated, deduplicated and idempotent. */
class RegistryNotificationTest extends ServerTest {
    private static final String SECRET = "notification-secret-for-tests";
    private static DockerRegistry registry;

    @BeforeEach
    void registryNotifyingThisServer() {
        if (registry == null) {
            registry = DockerRegistry.start(RegistryOptions.defaults()
                    .withNotifications(URI.create("http://127.0.0.1:" + port + "/hooks/registry/local"), SECRET));
        }
        RegistryFixtures.register(api, registry, "local", SECRET);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private static LayerTar.Layer appLayer(String version) {
        return LayerTar.create()
                .file("app/package.json", "{\"name\":\"shop\",\"version\":\"" + version + "\"}")
                .file("app/pom.xml", "<project/>")
                .file("app/main.js", "console.log(1)")
                .build(LayerTar.Compression.GZIP);
    }

    @Test
    void aPushedImageAppearsWithItsFilesAndProvenance() throws Exception {
        String digest = RegistryFixtures.push(registry, "shop/api", "1.0.0", "shop-api", appLayer("1.0.0"));
        JsonNode artifact = RegistryFixtures.awaitScanned(api, registry.host() + "/shop/api", "1.0.0");
        assertThat(artifact.get("digest").asString()).isEqualTo(digest);
        assertThat(artifact.get("tags").valueStream().map(JsonNode::asString).toList())
                .containsExactly("1.0.0");
        assertThat(artifact.get("serviceName").asString()).isEqualTo("shop-api");
        assertThat(artifact.get("gitUrl").asString()).isEqualTo("https://github.com/acme/shop-api");
        assertThat(artifact.get("revision").asString()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(artifact.get("files").findValuesAsString("path"))
                .containsExactlyInAnyOrder("app/package.json", "app/pom.xml");
        JsonNode file = artifact.get("files")
                .valueStream()
                .filter(f -> f.get("path").asString().equals("app/package.json"))
                .findFirst()
                .orElseThrow();
        Api.Response bytes =
                api.get("/api/v1/layers/" + file.get("layerDigest").asString() + "/files?path=app/package.json");
        assertThat(bytes.status()).isEqualTo(200);
        assertThat(bytes.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(bytes.raw()).isEqualTo("{\"name\":\"shop\",\"version\":\"1.0.0\"}");
        assertThat(api.get("/api/v1/layers/" + file.get("layerDigest").asString() + "/files?path=app/nope.json")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/layers/sha256:" + "0".repeat(64) + "/files?path=app/package.json")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/artifacts/" + digest)
                        .json()
                        .get("repository")
                        .asString())
                .isEqualTo("shop/api");
    }

    @Test
    void aRepushOfTheSameTagAndARedeliveryChangeNothing() throws Exception {
        LayerTar.Layer layer = appLayer("2.0.0");
        RegistryFixtures.push(registry, "shop/web", "2.0.0", "shop-web", layer);
        RegistryFixtures.awaitScanned(api, registry.host() + "/shop/web", "2.0.0");
        long history = count("tag_history");
        long layers = count("layers");
        long artifacts = count("artifacts");
        long events = count("registry_events");

        RegistryFixtures.push(registry, "shop/web", "2.0.0", "shop-web", layer);
        awaitTrue(() -> count("registry_events") > events);
        awaitTrue(() -> jdbc.sql("select count(*) from jobs where status in ('queued', 'running')")
                        .query(Long.class)
                        .single()
                == 0);
        assertThat(count("tag_history")).isEqualTo(history);
        assertThat(count("layers")).isEqualTo(layers);
        assertThat(count("artifacts")).isEqualTo(artifacts);

        String eventId = jdbc.sql("select event_id from registry_events order by received_at desc limit 1")
                .query(String.class)
                .single();
        String body = """
        {"events":[{"id":"%s","action":"push","target":{"mediaType":"application/vnd.oci.image.manifest.v1+json",
          "digest":"sha256:%s","repository":"shop/web","tag":"2.0.0"},"unknownField":{"tolerated":true}}]}
        """.formatted(eventId, "a".repeat(64));
        Api.Response redelivered = api.as(SECRET).postRaw("/hooks/registry/local", body);
        assertThat(redelivered.status()).isEqualTo(202);
        assertThat(redelivered.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(count("tag_history")).isEqualTo(history);
    }

    @Test
    void forgedOrUnauthenticatedNotificationsAreRefusedAndStoredNowhere() {
        long events = count("registry_events");
        long jobs = count("jobs");
        String body = """
        {"events":[{"id":"forged-1","action":"push","target":{"mediaType":"application/vnd.oci.image.manifest.v1+json",
          "digest":"sha256:%s","repository":"shop/api","tag":"evil"}}]}
        """.formatted("b".repeat(64));
        Api.Response none = api.as(null).postRaw("/hooks/registry/local", body);
        Api.Response wrong = api.as("not-the-secret").postRaw("/hooks/registry/local", body);
        Api.Response unknownRegistry = api.as(SECRET).postRaw("/hooks/registry/nope", body);
        assertThat(List.of(none.status(), wrong.status(), unknownRegistry.status()))
                .containsOnly(401);
        assertThat(api.as(SECRET).postRaw("/hooks/registry/local", "{not json").status())
                .isEqualTo(400);
        assertThat(count("registry_events")).isEqualTo(events);
        assertThat(count("jobs")).isEqualTo(jobs);
    }

    @Test
    void aDeletedTagIsUnmapped() throws Exception {
        RegistryFixtures.push(registry, "shop/old", "0.1.0", "shop-old", appLayer("0.1.0"));
        RegistryFixtures.awaitScanned(api, registry.host() + "/shop/old", "0.1.0");
        Skopeo.require().delete(registry.reference("shop/old", "0.1.0"), null);
        RegistryFixtures.await(
                api,
                "/api/v1/artifacts?repository=shop/old",
                p -> p.get("items").get(0).get("tags").isEmpty());
        assertThat(jdbc.sql("select count(*) from tag_history where tag = '0.1.0' and digest is null")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aReleaseMayNameItsImageByTag() throws Exception {
        String digest = RegistryFixtures.push(registry, "shop/tagged", "3.1.0", "shop-tagged", appLayer("3.1.0"));
        api.post("/api/v1/apps", map("name", "tagged", "image", registry.host() + "/shop/tagged"));
        Api.Response r = api.post(
                "/api/v1/apps/tagged/releases", map("commit", sha(1), "image", registry.host() + "/shop/tagged:3.1.0"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.json().get("image").asString()).isEqualTo(registry.host() + "/shop/tagged@" + digest);
        assertThat(r.json().get("imageTag").asString()).isEqualTo("3.1.0");
        Api.Response missing = api.post(
                "/api/v1/apps/tagged/releases", map("commit", sha(2), "image", registry.host() + "/shop/tagged:9.9.9"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.detail()).contains("9.9.9");
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition within 20 s").isTrue();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
