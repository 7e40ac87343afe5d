package dev.catapult.artifact;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import dev.catapult.testkit.registry.DockerRegistryExtension;
import dev.catapult.testkit.registry.LayerTar;
import dev.catapult.testkit.registry.OciLayout;
import dev.catapult.testkit.registry.Skopeo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Backfill of a registry with 200 repositories sharing a base layer. */
class RegistryBackfillTest extends ServerTest {
    private static final int REPOSITORIES = 200;

    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = new DockerRegistryExtension();

    @BeforeAll
    static void twoHundredRepositories() throws Exception {
        LayerTar.Layer base = LayerTar.create()
                .file("base/package.json", "{\"name\":\"base\"}")
                .file("base/os-release", "debian")
                .build(LayerTar.Compression.GZIP);
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> pushes = new ArrayList<>();
            for (int i = 0; i < REPOSITORIES; i++) {
                int n = i;
                pushes.add(pool.submit(() -> {
                    Path dir = Files.createTempDirectory("oci");
                    OciLayout layout = OciLayout.create(dir);
                    OciLayout.Descriptor image = layout.image()
                            .label("org.opencontainers.image.title", "svc-" + n)
                            .layer(base)
                            .layer(LayerTar.create()
                                    .file("app/pom.xml", "<project><artifactId>svc-" + n + "</artifactId></project>")
                                    .build(LayerTar.Compression.GZIP))
                            .build();
                    layout.tag("1.0." + n, image);
                    Skopeo.require()
                            .copy(
                                    layout.dir(),
                                    "1.0." + n,
                                    REGISTRY.get().reference(String.format("team/svc-%03d", n), "1.0." + n));
                    return null;
                }));
            }
            for (Future<?> f : pushes) {
                f.get();
            }
        }
    }

    @Test
    void backfillCataloguesEveryRepositoryAndFetchesTheSharedBaseLayerOnce() {
        RegistryFixtures.register(api, REGISTRY.get(), "local", "unused-notification-secret");
        // Counts are per registry name since the server started; earlier tests used the name too.
        long blobsBefore =
                api.get("/api/v1/registries/local/stats").json().get("blob").asLong();
        Api.Response accepted = api.post("/api/v1/admin/backfill", map("registry", "local"));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        String job = accepted.json().get("id").asString();
        JsonNode done = RegistryFixtures.await(
                api,
                "/api/v1/admin/jobs/" + job,
                j -> List.of("succeeded", "failed").contains(j.get("status").asString()),
                Duration.ofMinutes(3));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.get("progress").get("repositories").asLong()).isEqualTo(REPOSITORIES);
        assertThat(done.get("progress").get("tags").asLong()).isEqualTo(REPOSITORIES);
        RegistryFixtures.await(
                api,
                "/api/v1/artifacts?service=svc-199",
                p -> p.get("items").size() == 1
                        && p.get("items").get(0).get("scanStatus").asString().equals("scanned"),
                Duration.ofMinutes(2));
        Long scanned = null;
        for (int i = 0; i < 1200; i++) {
            scanned = jdbc.sql("select count(*) from artifacts where scan_status = 'scanned'")
                    .query(Long.class)
                    .single();
            if (scanned == REPOSITORIES) {
                break;
            }
            sleep(100);
        }
        assertThat(scanned).isEqualTo(REPOSITORIES);
        assertThat(jdbc.sql("select count(*) from layers").query(Long.class).single())
                .isEqualTo(REPOSITORIES + 1);
        // The registry's own access log is the witness: the shared base layer was downloaded exactly once.
        String baseDigest = jdbc.sql("select layer_digest from artifact_layers where position = 0 limit 1")
                .query(String.class)
                .single();
        long baseFetches = REGISTRY.get()
                .log()
                .lines()
                .filter(l -> l.contains("GET /v2/") && l.contains("/blobs/" + baseDigest) && l.contains("\" 200 "))
                .count();
        assertThat(baseFetches).isEqualTo(1);
        // Our own count agrees: a config and a layer per image plus the base once, and two more per retried scan.
        long retriedScans = jdbc.sql("select coalesce(sum(attempts - 1), 0) from jobs where kind = 'scan-artifact'")
                .query(Long.class)
                .single();
        JsonNode stats = api.get("/api/v1/registries/local/stats").json();
        assertThat(stats.get("blob").asLong() - blobsBefore)
                .isBetween(2L * REPOSITORIES + 1, 2L * REPOSITORIES + 1 + 2 * retriedScans);
        JsonNode svc =
                api.get("/api/v1/artifacts?service=svc-7").json().get("items").get(0);
        assertThat(svc.get("files").findValuesAsString("path"))
                .containsExactlyInAnyOrder("base/package.json", "app/pom.xml");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
