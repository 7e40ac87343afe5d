package dev.catapult.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catapult.common.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SidecarsTest {
    @ParameterizedTest(name = "{0} ignored: {1}")
    @CsvSource({
        "log_router, true",
        "aws-for-fluent-bit, true",
        "cwagent, true",
        "xray-daemon, true",
        "FargateApp, false",
        "api, false"
    })
    void defaultsIgnoreTheCommonAgents(String name, boolean ignored) {
        assertThat(Sidecars.of(null).ignores(name)).isEqualTo(ignored);
    }

    @Test
    void aConfiguredListReplacesTheDefaults() {
        Sidecars s = Sidecars.of(List.of("envoy"));

        assertThat(s.ignores("envoy")).isTrue();
        assertThat(s.ignores("log_router")).isFalse();
        assertThat(Sidecars.of(List.of()).ignores("log_router")).isFalse();
    }

    @Test
    void theServiceContainerIsTheFirstThatIsNotASidecar() {
        RunningImage img = RunningImage.of("ghcr.io/acme/api:1", null);
        List<TaskObservation.Container> containers = List.of(
                new TaskObservation.Container("log_router", img),
                new TaskObservation.Container("api", img),
                new TaskObservation.Container("worker", img));

        assertThat(Sidecars.defaults().serviceContainer(containers))
                .map(TaskObservation.Container::name)
                .hasValue("api");
    }

    @Test
    void rejectsNamesThatAreNotContainerNames() {
        assertThatThrownBy(() -> Sidecars.of(List.of("bad name"))).isInstanceOf(InvalidInput.class);
    }
}
