package dev.catapult.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.deploy.DeployReason;
import dev.catapult.deploy.DeployTask;
import dev.catapult.targets.DockerSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The create body: what the engine is asked to run. */
class DockerContainerBlueprintTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void bodyCarriesImagePortsEnvironmentCommandAndCatapultLabels() {
        DockerSettings settings = new DockerSettings(
                "unix:///run/docker.sock",
                "web",
                List.of(
                        DockerSettings.PortMapping.parse("p", "127.0.0.1:8081:80"),
                        DockerSettings.PortMapping.parse("p", "[::1]:8081:80"),
                        DockerSettings.PortMapping.parse("p", "5353:53/udp")),
                Map.of("MODE", "live"),
                Map.of("TOKEN", "SERVER_TOKEN"),
                List.of("/bin/app", "serve"),
                DockerSettings.HealthCheck.running(),
                null);
        DeployTask task = task(settings, "r/shop@sha256:" + "a".repeat(64), "1.0");

        JsonNode body = JSON.valueToTree(
                ContainerBlueprint.of(settings, task, "r/shop@sha256:" + "a".repeat(64), Map.of("TOKEN", "s3cret")));

        assertThat(body.path("Image").stringValue()).isEqualTo("r/shop@sha256:" + "a".repeat(64));
        assertThat(JSON.convertValue(body.path("Env"), List.class)).containsExactly("MODE=live", "TOKEN=s3cret");
        assertThat(JSON.convertValue(body.path("Cmd"), List.class)).containsExactly("/bin/app", "serve");
        assertThat(JSON.convertValue(body.path("Labels"), Map.class))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "dev.catapult.app",
                        "shop",
                        "dev.catapult.environment",
                        "prod",
                        "dev.catapult.release",
                        "7",
                        "dev.catapult.deploy",
                        "dep_1"));
        assertThat(body.path("ExposedPorts").propertyNames()).containsExactly("80/tcp", "53/udp");
        assertThat(body.path("HostConfig").path("PortBindings").toString())
                .isEqualTo(
                        "{\"80/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"8081\"},{\"HostIp\":\"::1\",\"HostPort\":\"8081\"}],"
                                + "\"53/udp\":[{\"HostIp\":\"\",\"HostPort\":\"5353\"}]}");
        assertThat(body.path("HostConfig").path("RestartPolicy").path("Name").stringValue())
                .isEqualTo("unless-stopped");
    }

    @Test
    void withoutCommandTheImagesCmdRuns() {
        DockerSettings settings = Deploys.bare("unix:///run/docker.sock");
        DeployTask task = task(settings, null, null);

        assertThat(JSON.valueToTree(ContainerBlueprint.of(settings, task, "img@sha256:" + "b".repeat(64), Map.of()))
                        .has("Cmd"))
                .isFalse();
    }

    /** Deploy {@code dep_1} of release 7 of shop to prod, as the body's labels name it. */
    private static DeployTask task(DockerSettings settings, @Nullable String image, @Nullable String tag) {
        return new DeployTask(
                "dep_1",
                "shop",
                "prod",
                7,
                "abc",
                image,
                tag,
                "alice",
                DeployReason.MANUAL,
                false,
                settings,
                1,
                Instant.parse("2030-01-01T00:00:00Z"));
    }
}
