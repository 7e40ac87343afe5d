package dev.catapult.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testkit.registry.DockerRegistry;
import dev.catapult.testkit.registry.LayerTar;
import dev.catapult.testkit.registry.OciLayout;
import dev.catapult.testkit.registry.Skopeo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Shared steps of the registry tests: register the registry in Catapult, push images, wait for the catalogue. */
final class RegistryFixtures {
    private RegistryFixtures() {}

    static void register(Api api, DockerRegistry registry, String name, String secret) {
        Api.Response r = api.post(
                "/api/v1/registries",
                Api.map(
                        "name",
                        name,
                        "url",
                        registry.url().toString(),
                        "notificationSecret",
                        secret,
                        "pollInterval",
                        "5s"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    /** Waits until no job is queued or running. */
    static void awaitJobsSettled(org.springframework.jdbc.core.simple.JdbcClient jdbc) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (jdbc.sql("select count(*) from jobs where status in ('queued', 'running')")
                            .query(Long.class)
                            .single()
                    == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("jobs still running after 30 s");
    }

    /** Pushes a single-platform image with {@code layers} to {@code repository:tag}; returns the manifest digest. */
    static String push(DockerRegistry registry, String repository, String tag, String title, LayerTar.Layer... layers)
            throws Exception {
        Path dir = Files.createTempDirectory("oci-layout");
        OciLayout layout = OciLayout.create(dir);
        OciLayout.ImageBuilder image = layout.image()
                .label("org.opencontainers.image.title", title)
                .label("org.opencontainers.image.source", "https://github.com/acme/" + title)
                .label("org.opencontainers.image.revision", "0123456789abcdef0123456789abcdef01234567");
        for (LayerTar.Layer l : layers) {
            image.layer(l);
        }
        OciLayout.Descriptor d = image.build();
        layout.tag(tag, d);
        Skopeo.require().copy(layout.dir(), tag, registry.reference(repository, tag));
        return d.digest();
    }

    /** Polls {@code path} until {@code done} holds (20 s at most). */
    static JsonNode await(Api api, String path, Predicate<JsonNode> done) {
        return await(api, path, done, Duration.ofSeconds(20));
    }

    static JsonNode await(Api api, String path, Predicate<JsonNode> done, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            Api.Response r = api.get(path);
            last = r.json();
            if (r.status() == 200 && done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting on " + path + "; last answer: " + last);
    }

    static JsonNode awaitScanned(Api api, String repositoryWithHost, String tag) {
        JsonNode page = await(
                api,
                "/api/v1/artifacts?repository=" + repositoryWithHost + "&tag=" + tag,
                p -> p.get("items").size() == 1
                        && p.get("items").get(0).get("scanStatus").asString().equals("scanned"));
        return page.get("items").get(0);
    }
}
