package dev.catapult.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.catapult.deploy.DeployReason;
import dev.catapult.deploy.DeployTask;
import dev.catapult.deploy.DispatchOutcome;
import dev.catapult.targets.DockerSettings;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deploy to an engine too old for the deployer (the negotiation itself: {@code dev.catapult.docker}'s
 * {@code DockerEngineApiVersionTest}): a stub answering {@code /_ping} as engines do, with the
 * {@code Api-Version} header an older engine sends.
 */
class DockerEngineApiVersionTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private HttpServer stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    @Test
    void deployingToAnEngineTooOldFailsSayingWhatIsNeeded() throws Exception {
        String host = stub("1.38", "18.09");
        DockerSettings settings = new DockerSettings(
                host, "web", List.of(), Map.of(), Map.of(), List.of(), DockerSettings.HealthCheck.running(), null);
        DeployTask task = new DeployTask(
                "dep_1",
                "shop",
                "prod",
                1,
                "abc",
                "r.example/shop@sha256:" + "c".repeat(64),
                null,
                "alice",
                DeployReason.MANUAL,
                false,
                settings,
                1,
                Instant.now().plusSeconds(60));

        DispatchOutcome outcome = new DockerDeployer(JSON, new MockEnvironment(), Clock.systemUTC()).dispatch(task);

        assertThat(outcome)
                .isEqualTo(new DispatchOutcome.Failed(
                        "the Docker engine speaks API 1.38; the docker deployer"
                                + " needs 1.40 or later (Docker 19.03+, Podman 3+)",
                        null));
        assertThat(paths).containsExactly("/_ping");
    }

    /** Answers {@code /_ping} as Docker does (headers from a real 20.10 answer) and 404 with a message to the rest. */
    private String stub(String apiVersion, String serverVersion) throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().toString());
            boolean ping = exchange.getRequestURI().getPath().equals("/_ping");
            byte[] body = (ping ? "OK" : "{\"message\":\"No such container: web\"}").getBytes();
            exchange.getResponseHeaders().add("Api-Version", apiVersion);
            exchange.getResponseHeaders().add("Server", "Docker/" + serverVersion + " (linux)");
            exchange.getResponseHeaders().add("Content-Type", ping ? "text/plain; charset=utf-8" : "application/json");
            exchange.sendResponseHeaders(ping ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        return "tcp://127.0.0.1:" + stub.getAddress().getPort();
    }
}
