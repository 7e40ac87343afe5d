package dev.catapult.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.catapult.testkit.database.TestDatabase;
import dev.catapult.testkit.registry.DockerRegistry;
import dev.catapult.testkit.registry.LayerTar;
import dev.catapult.testkit.registry.OciLayout;
import dev.catapult.testkit.registry.RegistryOptions;
import dev.catapult.testkit.registry.Skopeo;
import dev.catapult.testkit.server.ServerProcess;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The same registry notification delivered to two server processes on one database (as a load balancer
 * that retries, or two registries' endpoints, would) leads to exactly one automatic deploy (I4).
 */
class NotificationToTwoReplicasTest {
    private static final String TOKEN = Servers.ADMIN_TOKEN;
    private static final String SECRET = "fan-out-notification-secret";

    @Test
    void twoServersReceivingTheSameNotificationDeployOnce() throws Exception {
        String db = TestDatabase.fresh();
        AtomicInteger forwarded = new AtomicInteger();
        try (ServerProcess a = Servers.start(db, Map.of());
                ServerProcess b = Servers.start(db, Map.of())) {
            HttpServer fanOut = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            HttpClient http = HttpClient.newHttpClient();
            fanOut.createContext("/hooks/registry/local", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                List<CompletableFuture<HttpResponse<String>>> sends = List.of(a, b).stream()
                        .map(s -> http.sendAsync(
                                HttpRequest.newBuilder(URI.create(s.url() + "/hooks/registry/local"))
                                        .header("Authorization", auth)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()))
                        .toList();
                sends.forEach(CompletableFuture::join);
                forwarded.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            fanOut.start();
            try (DockerRegistry registry = DockerRegistry.start(RegistryOptions.defaults()
                    .withNotifications(
                            URI.create("http://127.0.0.1:" + fanOut.getAddress().getPort() + "/hooks/registry/local"),
                            SECRET))) {
                Api.of(a.url(), TOKEN)
                        .exchangeJson(
                                "POST",
                                "/api/v1/registries",
                                Map.of(
                                        "name",
                                        "local",
                                        "url",
                                        registry.url().toString(),
                                        "notificationSecret",
                                        SECRET));
                Api.of(a.url(), TOKEN).exchangeJson("POST", "/api/v1/environments", Map.of("name", "prod", "rank", 30));
                Api.of(a.url(), TOKEN)
                        .exchangeJson(
                                "POST", "/api/v1/apps", Map.of("name", "api", "image", registry.host() + "/team/api"));
                Api.of(b.url(), TOKEN)
                        .exchangeJson(
                                "PUT",
                                "/api/v1/apps/api/targets/prod",
                                Map.of(
                                        "deployer",
                                        Map.of("type", "record"),
                                        "watch",
                                        Map.of("policy", "semver", "autoDeploy", true)));

                Path dir = Files.createTempDirectory("oci");
                OciLayout layout = OciLayout.create(dir);
                OciLayout.Descriptor image = layout.image()
                        .label("org.opencontainers.image.revision", "ab".repeat(20))
                        .layer(LayerTar.create().file("app/package.json", "{}").build(LayerTar.Compression.GZIP))
                        .build();
                layout.tag("1.0.0", image);
                Skopeo.require().copy(layout.dir(), "1.0.0", registry.reference("team/api", "1.0.0"));

                Instant until = Instant.now().plus(Duration.ofSeconds(60));
                JsonNode deploys = null;
                while (Instant.now().isBefore(until)) {
                    deploys = Api.of(a.url(), TOKEN)
                            .exchangeJson("GET", "/api/v1/apps/api/deploys", null)
                            .json()
                            .get("items");
                    if (deploys.size() > 0
                            && deploys.get(0).get("status").asString().equals("succeeded")) {
                        break;
                    }
                    Servers.sleep(200);
                }
                assertThat(forwarded.get())
                        .as("the registry notified through the fan-out")
                        .isPositive();
                // Give the second server every chance to deploy a second time, then check it did not.
                Servers.sleep(3000);
                deploys = Api.of(b.url(), TOKEN)
                        .exchangeJson("GET", "/api/v1/apps/api/deploys", null)
                        .json()
                        .get("items");
                assertThat(deploys).as(a.logTail(60)).hasSize(1);
                assertThat(deploys.get(0).get("reason").asString()).isEqualTo("auto");
                assertThat(deploys.get(0).get("status").asString()).isEqualTo("succeeded");
                assertThat(Api.of(b.url(), TOKEN)
                                .exchangeJson("GET", "/api/v1/apps/api/releases", null)
                                .json()
                                .get("items"))
                        .hasSize(1);
                assertThat(Servers.auditChainVerifies(a)).isTrue();
            } finally {
                fanOut.stop(0);
            }
        }
    }
}
