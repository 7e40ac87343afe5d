package dev.catapult.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstanceTransitionTest {
    private static final String ARN =
            "arn:aws:ecs:us-west-2:111122223333:task/FargateCluster/c13b4cb40f1f4fe4a2971f76ae5a47ad";
    private static final Instant T0 = Instant.parse("2020-01-23T17:57:58.103Z");

    private static TaskObservation event(long version, String status, String... containerNames) {
        List<TaskObservation.Container> containers = java.util.Arrays.stream(
                        containerNames.length == 0 ? new String[] {"FargateApp"} : containerNames)
                .map(n -> new TaskObservation.Container(n, RunningImage.of("ghcr.io/acme/api:" + version, null)))
                .toList();
        return new TaskObservation(
                "111122223333",
                ARN,
                null,
                "service:api",
                InstanceStatus.parse("lastStatus", status),
                "RUNNING",
                status.equals("STOPPED") ? "Essential container in task exited" : null,
                status.equals("STOPPED") ? "EssentialContainerExited" : null,
                version,
                T0.plusSeconds(version),
                version >= 2 ? T0 : null,
                containers);
    }

    private static Instance applied(TaskObservation e) {
        return ((InstanceTransition.Outcome.Changed) InstanceTransition.apply(Optional.empty(), e, Sidecars.defaults()))
                .instance();
    }

    @Test
    void aFirstEventCreatesTheInstanceFromItsServiceContainer() {
        Instance i = applied(event(4, "RUNNING", "log_router", "FargateApp"));

        assertThat(i.container()).isEqualTo("FargateApp");
        assertThat(i.status()).isEqualTo(InstanceStatus.RUNNING);
        assertThat(i.service()).isEqualTo("api");
        assertThat(i.version()).isEqualTo(4);
    }

    @ParameterizedTest(name = "known v{0}, event v{1} {2} -> {3}")
    @CsvSource({
        "3, 4, RUNNING,  changed",
        "4, 5, STOPPED,  changed",
        "4, 4, RUNNING,  duplicate",
        "5, 4, RUNNING,  stale",
        "5, 1, PENDING,  stale"
    })
    void theVersionGuardsOrdering(long known, long incoming, String status, String expected) {
        Instance current = applied(event(known, "RUNNING"));

        InstanceTransition.Outcome out =
                InstanceTransition.apply(Optional.of(current), event(incoming, status), Sidecars.defaults());

        switch (out) {
            case InstanceTransition.Outcome.Changed c -> {
                assertThat(expected).isEqualTo("changed");
                assertThat(c.instance().version()).isEqualTo(incoming);
                assertThat(c.instance().status().name()).isEqualTo(status);
            }
            case InstanceTransition.Outcome.Unchanged u -> assertThat(u.why()).startsWith(expected);
        }
    }

    @Test
    void aStoppedEventKeepsTheStoppedReasonAndDropsOut() {
        Instance running = applied(event(4, "RUNNING"));

        Instance stopped = ((InstanceTransition.Outcome.Changed)
                        InstanceTransition.apply(Optional.of(running), event(6, "STOPPED"), Sidecars.defaults()))
                .instance();

        assertThat(stopped.status().isPresent()).isFalse();
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopped.startedAt()).isEqualTo(T0);
    }

    @Test
    void aTaskOfSidecarsOnlyIsIgnored() {
        assertThat(InstanceTransition.apply(
                        Optional.empty(), event(1, "RUNNING", "log_router", "cwagent"), Sidecars.defaults()))
                .isEqualTo(new InstanceTransition.Outcome.Unchanged("only sidecar containers"));
    }
}
