package dev.catapult.notify;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.catapult.platform.WebhookSignature;
import dev.catapult.testing.ServerTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Events reach a signed webhook and a Slack-compatible endpoint from the outbox, with retries. */
class NotificationsTest extends ServerTest {
    private static final List<Map<String, String>> WEBHOOK = new CopyOnWriteArrayList<>();
    private static final List<String> SLACK = new CopyOnWriteArrayList<>();
    private static final AtomicInteger SLACK_FAILURES_LEFT = new AtomicInteger();
    private static final HttpServer RECEIVER = start();

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                WEBHOOK.add(Map.of(
                        "body",
                        body,
                        "event",
                        exchange.getRequestHeaders().getFirst("X-Catapult-Event"),
                        "timestamp",
                        exchange.getRequestHeaders().getFirst("X-Catapult-Timestamp"),
                        "signature",
                        exchange.getRequestHeaders().getFirst("X-Catapult-Signature"),
                        "delivery",
                        exchange.getRequestHeaders().getFirst("X-Catapult-Delivery")));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.createContext("/slack", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (SLACK_FAILURES_LEFT.getAndDecrement() > 0) {
                    exchange.sendResponseHeaders(500, -1);
                } else {
                    SLACK.add(body);
                    exchange.sendResponseHeaders(200, -1);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void destinations(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + RECEIVER.getAddress().getPort();
        registry.add("catapult.notifications[0].name", () -> "hook");
        registry.add("catapult.notifications[0].type", () -> "webhook");
        registry.add("catapult.notifications[0].url", () -> base + "/hook");
        registry.add("catapult.notifications[0].secretEnv", () -> "NOTIFY_TEST_SECRET");
        registry.add("NOTIFY_TEST_SECRET", () -> "notify-secret");
        registry.add("catapult.notifications[1].name", () -> "slack");
        registry.add("catapult.notifications[1].type", () -> "slack");
        registry.add("catapult.notifications[1].urlEnv", () -> "NOTIFY_TEST_SLACK_URL");
        registry.add("NOTIFY_TEST_SLACK_URL", () -> base + "/slack");
        registry.add("catapult.notifications[1].events[0]", () -> "deploy.failed");
        registry.add("catapult.notifications[1].events[1]", () -> "deploy.succeeded");
    }

    @AfterAll
    static void stop() {
        RECEIVER.stop(0);
    }

    @BeforeEach
    void clear() {
        WEBHOOK.clear();
        SLACK.clear();
        api.post("/api/v1/environments", map("name", "dev", "rank", 10));
        api.post("/api/v1/apps", map("name", "shop", "image", "127.0.0.1:5000/shop/api"));
    }

    @Test
    void releaseAndDeployEventsArriveSignedAndSlackGetsItsEvents() throws Exception {
        SLACK_FAILURES_LEFT.set(1);
        api.post("/api/v1/apps/shop/releases", map("commit", sha(1), "noImage", true));
        api.post("/api/v1/apps/shop/deploys", map("environment", "dev"));
        for (int i = 0; i < 200 && (WEBHOOK.size() < 3 || SLACK.isEmpty()); i++) {
            Thread.sleep(100);
        }
        assertThat(WEBHOOK.stream().map(m -> m.get("event")).toList())
                .containsExactlyInAnyOrder("release.created", "deploy.started", "deploy.succeeded");
        for (Map<String, String> m : WEBHOOK) {
            assertThat(m.get("signature"))
                    .isEqualTo(WebhookSignature.header(
                            "notify-secret", m.get("timestamp"), m.get("body").getBytes(StandardCharsets.UTF_8)));
            assertThat(m.get("body"))
                    .contains("\"subject\":\"app/shop")
                    .contains("\"id\":\"" + m.get("delivery") + "\"");
        }
        assertThat(SLACK).hasSize(1);
        assertThat(SLACK.getFirst()).contains("app/shop/env/dev").contains("v1 deployed");
        assertThat(jdbc.sql("select max(attempts) from jobs where kind = 'notify'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }
}
