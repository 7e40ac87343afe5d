package dev.catapult.cli.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catapult.cli.CliException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployerSettingsTest {

    @Test
    void booleansAndIntegersBecomeJsonTypesAndTheRestStaysText() {
        Map<String, Object> deployer = DeployerSettings.of(
                "docker",
                List.of(
                        "container=shop",
                        "awaitReport=true",
                        "retries=3",
                        "version=1.2",
                        "host=unix:///run/docker.sock"));

        assertThat(deployer)
                .containsExactly(
                        Map.entry("type", "docker"),
                        Map.entry("container", "shop"),
                        Map.entry("awaitReport", true),
                        Map.entry("retries", 3L),
                        Map.entry("version", "1.2"),
                        Map.entry("host", "unix:///run/docker.sock"));
    }

    @Test
    void dottedKeysNestAndJsonValuesAreParsed() {
        Map<String, Object> deployer = DeployerSettings.of(
                "docker",
                List.of(
                        "healthCheck.http=http://127.0.0.1:8081/healthz",
                        "healthCheck.timeout=60s",
                        "ports=[\"127.0.0.1:8081:80\"]"));

        assertThat(deployer.get("healthCheck"))
                .isEqualTo(Map.of("http", "http://127.0.0.1:8081/healthz", "timeout", "60s"));
        assertThat(deployer.get("ports")).isEqualTo(List.of("127.0.0.1:8081:80"));
    }

    @Test
    void anAssignmentWithoutEqualsIsAUsageError() {
        assertThatThrownBy(() -> DeployerSettings.of("record", List.of("awaitReport")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("--set expects key=value");
    }
}
