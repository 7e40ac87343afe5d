package dev.catapult.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    private PingStub stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
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
        stub = PingStub.start("1.52", "28.5.0");
        String host = stub.host();

        DockerEngine engine = DockerEngine.connect(host, JSON);
        engine.inspect("web");

        assertThat(engine.apiVersion()).isEqualTo("1.51");
        assertThat(stub.paths()).containsExactly("/_ping", "/v1.51/containers/web/json");
    }
}
