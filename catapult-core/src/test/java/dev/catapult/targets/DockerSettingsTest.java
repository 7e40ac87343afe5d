package dev.catapult.targets;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.common.InvalidInput;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DockerSettingsTest {

    @Test
    void onlyTheContainerNameIsRequired() {
        DockerSettings spec = (DockerSettings) DeployerSpec.parse(settings("type", "docker", "container", "web"));

        assertThat(spec)
                .isEqualTo(new DockerSettings(
                        DockerSettings.DEFAULT_HOST,
                        "web",
                        List.of(),
                        Map.of(),
                        Map.of(),
                        List.of(),
                        DockerSettings.HealthCheck.running(),
                        null));
        assertThat(spec.type()).isEqualTo("docker");
        assertThat(spec.healthCheck().timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void everySettingOfTheSpecIsRead() {
        DockerSettings spec = (DockerSettings) DeployerSpec.parse(settings(
                "type",
                "docker",
                "host",
                "tcp://docker.internal:2375",
                "container",
                "shop-web",
                "ports",
                List.of("127.0.0.1:8081:80", "9090:9090/udp"),
                "env",
                Map.of("MODE", "live", "WORKERS", 4),
                "secretEnv",
                Map.of("DB_PASSWORD", "SHOP_DB_PASSWORD"),
                "command",
                List.of("/bin/app", "--serve"),
                "healthCheck",
                Map.of("http", "http://127.0.0.1:8081/healthz", "timeout", "90s"),
                "timeout",
                "10m"));

        assertThat(spec.host()).isEqualTo("tcp://docker.internal:2375");
        assertThat(spec.ports())
                .containsExactly(
                        new DockerSettings.PortMapping("127.0.0.1", 8081, 80, "tcp"),
                        new DockerSettings.PortMapping("", 9090, 9090, "udp"));
        assertThat(spec.env()).containsEntry("MODE", "live").containsEntry("WORKERS", "4");
        assertThat(spec.secretEnv()).containsExactly(Map.entry("DB_PASSWORD", "SHOP_DB_PASSWORD"));
        assertThat(spec.command()).containsExactly("/bin/app", "--serve");
        assertThat(spec.healthCheck())
                .isEqualTo(new DockerSettings.HealthCheck(
                        URI.create("http://127.0.0.1:8081/healthz"), false, Duration.ofSeconds(90)));
        assertThat(spec.timeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "unix:///run/docker.sock",
                "unix:///run/user/1000/podman/podman.sock",
                "tcp://127.0.0.1:2375",
                "tcp://[::1]:2375"
            })
    void unixSocketsAndTcpHostsAreAccepted(String host) {
        assertThat(docker("host", host).host()).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:2375",
                "tcp://127.0.0.1",
                "tcp://127.0.0.1:99999",
                "unix://run/docker.sock",
                "ssh://me@host",
                "/run/docker.sock"
            })
    void otherHostsAreRefused(String host) {
        assertThat(onlyErrorOf(() -> docker("host", host)))
                .isEqualTo(new InvalidInput.FieldError(
                        "deployer.host", "must be unix:///path/to/docker.sock or tcp://host:port"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "127.0.0.1:8081:80     | 127.0.0.1 | 8081 | 80 | tcp",
                "8081:80               |           | 8081 | 80 | tcp",
                "0.0.0.0:53:53/udp     | 0.0.0.0   | 53   | 53 | udp",
                "[::1]:8081:80/tcp     | ::1       | 8081 | 80 | tcp"
            })
    void portMappingsReadAsDockerRunWritesThem(String text, String ip, int host, int container, String protocol) {
        DockerSettings.PortMapping port = DockerSettings.PortMapping.parse("p", text);

        assertThat(port).isEqualTo(new DockerSettings.PortMapping(ip == null ? "" : ip, host, container, protocol));
        assertThat(DockerSettings.PortMapping.parse("p", port.toString())).isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"80", "127.0.0.1:80", "0:80", "8081:70000", "300.1.1.1:80:80", "8081:80/http", "a:b"})
    void malformedPortMappingsAreRefused(String text) {
        assertThat(onlyErrorOf(() -> docker("ports", List.of(text))).field()).isEqualTo("deployer.ports[0]");
    }

    @Test
    void theSameHostPortCannotBePublishedTwice() {
        assertThat(onlyErrorOf(() -> docker("ports", List.of("127.0.0.1:8081:80", "127.0.0.1:8081:81"))))
                .isEqualTo(new InvalidInput.FieldError("deployer.ports[1]", "publishes host port 8081 twice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-web", "web app", "a/b", ""})
    void invalidContainerNamesAreRefused(String name) {
        assertThat(onlyErrorOf(() -> DeployerSpec.parse(settings("type", "docker", "container", name)))
                        .field())
                .isEqualTo("deployer.container");
    }

    @Test
    void imageHealthcheckAndHttpAreExclusive() {
        assertThat(onlyErrorOf(
                        () -> docker("healthCheck", Map.of("http", "http://127.0.0.1/", "useImageHealthcheck", true))))
                .isEqualTo(new InvalidInput.FieldError(
                        "deployer.healthCheck", "set either http or useImageHealthcheck, not both"));
    }

    @Test
    void healthCheckRefusesUnknownKeysAndNonHttpUrls() {
        assertThat(onlyErrorOf(() -> docker("healthCheck", Map.of("tcp", "x"))).field())
                .isEqualTo("deployer.healthCheck.tcp");
        assertThat(onlyErrorOf(() -> docker("healthCheck", Map.of("http", "file:///etc/passwd")))
                        .field())
                .isEqualTo("deployer.healthCheck.http");
        assertThat(onlyErrorOf(() -> docker("healthCheck", "yes")).field()).isEqualTo("deployer.healthCheck");
    }

    @Test
    void secretsAreNamedByServerVariableNeverGiven() {
        assertThat(onlyErrorOf(() -> docker("secretEnv", Map.of("DB_PASSWORD", "hunter2!")))
                        .field())
                .isEqualTo("deployer.secretEnv.DB_PASSWORD");
        assertThat(onlyErrorOf(() -> DeployerSpec.parse(settings(
                        "type",
                        "docker",
                        "container",
                        "web",
                        "env",
                        Map.of("TOKEN", "x"),
                        "secretEnv",
                        Map.of("TOKEN", "SERVER_TOKEN")))))
                .isEqualTo(new InvalidInput.FieldError("deployer.secretEnv.TOKEN", "is also set in env"));
    }

    @Test
    void listsAndObjectsOfTheWrongShapeAreRefused() {
        assertThat(onlyErrorOf(() -> docker("ports", "127.0.0.1:8081:80")).field())
                .isEqualTo("deployer.ports");
        assertThat(onlyErrorOf(() -> docker("command", List.of("/bin/app", 1))).field())
                .isEqualTo("deployer.command[1]");
        assertThat(onlyErrorOf(() -> docker("command", List.of())).field()).isEqualTo("deployer.command");
        assertThat(onlyErrorOf(() -> docker("env", List.of("A=1"))).field()).isEqualTo("deployer.env");
        assertThat(onlyErrorOf(() -> docker("env", Map.of("A-B", "1"))).field()).isEqualTo("deployer.env");
        assertThat(onlyErrorOf(() -> docker("image", "nginx")).field()).isEqualTo("deployer.image");
    }

    @Test
    void storedSettingsParseBackToTheSameSpec() {
        DockerSettings full = (DockerSettings) DeployerSpec.parse(settings(
                "type",
                "docker",
                "host",
                "unix:///run/podman/podman.sock",
                "container",
                "web",
                "ports",
                List.of("[::1]:8081:80", "53:53/udp"),
                "env",
                Map.of("A", "1"),
                "secretEnv",
                Map.of("B", "SERVER_B"),
                "command",
                List.of("x"),
                "healthCheck",
                Map.of("useImageHealthcheck", true, "timeout", "2m"),
                "timeout",
                "1h"));
        DockerSettings minimal = docker("healthCheck", Map.of("timeout", "5s"));

        assertThat(DeployerSpec.parse(full.toMap())).isEqualTo(full);
        assertThat(DeployerSpec.parse(minimal.toMap())).isEqualTo(minimal);
        assertThat(minimal.toMap()).containsKey("healthCheck");
        assertThat(docker("env", Map.of()).toMap()).containsOnlyKeys("type", "host", "container");
    }

    private static DockerSettings docker(String key, Object value) {
        return (DockerSettings) DeployerSpec.parse(settings("type", "docker", "container", "web", key, value));
    }

    private static Map<String, Object> settings(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
