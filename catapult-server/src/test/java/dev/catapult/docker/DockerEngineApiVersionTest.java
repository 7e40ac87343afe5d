package dev.catapult.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * API version negotiation at the edges a real engine here cannot show (Debian 12's Docker 20.10 offers 1.41:
 * {@code DockerEngineTest} covers that one): a stub answering {@code /_ping} as engines do, with the
 * {@code Api-Version} header a newer or an older engine sends.
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

    @ParameterizedTest(name = "engine {0} → {1}")
    @CsvSource({"1.40, 1.40", "1.41, 1.41", "1.45, 1.45", "1.51, 1.51", "1.52, 1.51", "1.100, 1.51", "2.0, 1.51"})
    void theEnginesVersionIsUsedUpToTheNewestThisClientKnows(String offered, String used) throws EngineException {
        assertThat(ApiVersion.negotiate(offered)).isEqualTo(used);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.39", "1.9", "0.99"})
    void enginesOlderThanDocker1903AreRefused(String offered) {
        assertThatThrownBy(() -> ApiVersion.negotiate(offered))
                .isInstanceOf(EngineException.class)
                .hasMessage("the Docker engine speaks API " + offered + "; the docker deployer needs 1.40 or later"
                        + " (Docker 19.03+, Podman 3+)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1.41", "1", "latest"})
    void aMissingOrMalformedVersionIsRefused(String offered) {
        assertThatThrownBy(() -> ApiVersion.negotiate(offered.isEmpty() ? null : offered))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("the Docker engine did not state its API version");
    }

    @Test
    void aNewerEngineIsSpokenToAtTheNewestVersionOnEveryCall() throws Exception {
        String host = stub("1.52", "28.5.0");

        DockerEngine engine = DockerEngine.connect(host, JSON);
        engine.inspect("web");

        assertThat(engine.apiVersion()).isEqualTo("1.51");
        assertThat(paths).containsExactly("/_ping", "/v1.51/containers/web/json");
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
