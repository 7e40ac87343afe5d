package dev.catapult.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.deploy.DeployReason;
import dev.catapult.deploy.DeployTask;
import dev.catapult.deploy.DispatchOutcome;
import dev.catapult.docker.PingStub;
import dev.catapult.targets.DockerSettings;
import java.time.Clock;
import java.time.Instant;
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
    private PingStub stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void deployingToAnEngineTooOldFailsSayingWhatIsNeeded() throws Exception {
        stub = PingStub.start("1.38", "18.09");
        String host = stub.host();
        DockerSettings settings = Deploys.bare(host);
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
        assertThat(stub.paths()).containsExactly("/_ping");
    }
}
