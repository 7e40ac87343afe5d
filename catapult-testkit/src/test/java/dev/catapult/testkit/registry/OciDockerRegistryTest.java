package dev.catapult.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.catapult.testkit.Programs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The test registry itself: htpasswd users, notifications, deletes, the extension. */
class OciDockerRegistryTest {
    @RegisterExtension
    static final DockerRegistryExtension ANONYMOUS = new DockerRegistryExtension();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path temp;

    private record Delivery(String authorization, String contentType, JsonNode body) {}

    @Test
    void extensionRegistryAnswersAnonymously() throws Exception {
        assertThat(get(ANONYMOUS.get().url().resolve("/v2/"), null)).isEqualTo(200);
        assertThat(ANONYMOUS.get().host()).startsWith("127.0.0.1:");
    }

    @Test
    void hostileLayersArePushedAndServedByteForByte() throws Exception {
        LayerTar.Layer hostile = LayerTar.create()
                .file("/etc/passwd", "x")
                .file("../../escape", "x")
                .symlink("app/link", "../../../etc")
                .hugePaxHeader("app/huge", 256 * 1024)
                .charDevice("dev/tty", 5, 0)
                .build(LayerTar.Compression.ZSTD);
        OciLayout layout = OciLayout.create(temp);
        layout.tag("bad", layout.image().layer(hostile).build());
        DockerRegistry registry = ANONYMOUS.get();

        Skopeo.require().copy(layout.dir(), "bad", registry.reference("hostile/app", "bad"));

        HttpResponse<byte[]> blob = HTTP.send(
                HttpRequest.newBuilder(registry.url().resolve("/v2/hostile/app/blobs/" + hostile.digest()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(blob.statusCode()).isEqualTo(200);
        assertThat(blob.body()).isEqualTo(hostile.bytes());
    }

    @Test
    void htpasswdUsersGetInWithTheirPasswordAndNobodyElseDoes() throws Exception {
        try (DockerRegistry registry = DockerRegistry.start(
                RegistryOptions.defaults().withUser("ci", "pw1").withUser("bot", "pw2"))) {
            URI ping = registry.url().resolve("/v2/");

            assertThat(get(ping, "ci:pw1")).isEqualTo(200);
            assertThat(get(ping, "bot:pw2")).isEqualTo(200);
            assertThat(get(ping, "ci:pw2")).isEqualTo(401);
            assertThat(get(ping, null)).isEqualTo(401);
        }
    }

    @Test
    void registryPostsPushAndDeleteEventsWithTheConfiguredBearer() throws Exception {
        BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/registry", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    JsonMapper.builder().build().readTree(body)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/registry");
        try (DockerRegistry registry =
                DockerRegistry.start(RegistryOptions.defaults().withNotifications(hook, "s3cret"))) {
            OciLayout layout = OciLayout.create(temp);
            layout.tag(
                    "1.0.0",
                    layout.image()
                            .layer(LayerTar.create().file("a", "a").build(LayerTar.Compression.GZIP))
                            .build());
            Skopeo skopeo = Skopeo.require();

            skopeo.copy(layout.dir(), "1.0.0", registry.reference("demo/app", "1.0.0"));
            JsonNode push = awaitEvent(deliveries, "push", "application/vnd.oci.image.manifest.v1+json", registry);
            skopeo.delete(registry.reference("demo/app", "1.0.0"), null);
            JsonNode delete = awaitEvent(deliveries, "delete", null, registry);

            assertThat(push.path("target").path("repository").stringValue()).isEqualTo("demo/app");
            assertThat(push.path("target").path("tag").stringValue()).isEqualTo("1.0.0");
            assertThat(delete.path("target").path("repository").stringValue()).isEqualTo("demo/app");
        } finally {
            receiver.stop(0);
        }
    }

    /** The first event with this action (and target media type, when given) among the deliveries. */
    private static JsonNode awaitEvent(
            BlockingQueue<Delivery> deliveries, String action, String mediaType, DockerRegistry registry)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            Delivery delivery = deliveries.poll(200, TimeUnit.MILLISECONDS);
            if (delivery == null) {
                continue;
            }
            assertThat(delivery.authorization()).isEqualTo("Bearer s3cret");
            assertThat(delivery.contentType()).startsWith("application/vnd.docker.distribution.events.v1+json");
            for (JsonNode event : delivery.body().path("events")) {
                if (event.path("action").stringValue("").equals(action)
                        && (mediaType == null
                                || mediaType.equals(
                                        event.path("target").path("mediaType").stringValue("")))) {
                    return event;
                }
            }
        }
        throw new AssertionError("no " + action + " event within 15 s; registry log:\n" + registry.log());
    }

    private static int get(URI uri, String userColonPassword) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
        if (userColonPassword != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void aMissingProgramIsNotFoundAndOptionsNeverPrintPasswords() {
        assertThat(Programs.find("catapult-no-such-program")).isEmpty();
        assertThat(RegistryOptions.defaults()
                        .withUser("u", "pw-secret")
                        .withNotifications(URI.create("http://h/"), "tok")
                        .toString())
                .doesNotContain("pw-secret", "tok");
    }
}
