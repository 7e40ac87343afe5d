package dev.catapult.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloutTest {
    private static final Instant T = Instant.parse("2020-05-23T11:11:11Z");
    private static final String SERVICE = "arn:aws:ecs:us-west-2:111122223333:service/default/servicetest";
    private static final String ROLLING_BACK =
            "ECS deployment circuit breaker: rolling back to deploymentId deploymentID.";

    private static DeploymentObservation event(String eventName, String reason, Instant at) {
        return new DeploymentObservation(
                "111122223333",
                SERVICE,
                "ecs-svc/123",
                RolloutState.fromEventName(eventName).orElseThrow(),
                reason,
                at);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
      SERVICE_DEPLOYMENT_IN_PROGRESS | ECS deployment deploymentId in progress.                              | IN_PROGRESS | false
      SERVICE_DEPLOYMENT_COMPLETED   | ECS deployment deploymentID completed.                                | COMPLETED   | false
      SERVICE_DEPLOYMENT_FAILED      | ECS deployment circuit breaker: task failed to start.                 | FAILED      | false
      SERVICE_DEPLOYMENT_IN_PROGRESS | ECS deployment circuit breaker: rolling back to deploymentId deploymentID. | IN_PROGRESS | true
      """)
    void theDocumentedEventsMapToStates(String eventName, String reason, RolloutState state, boolean rollback) {
        Rollout r = Rollout.apply(Optional.empty(), event(eventName, reason, T)).orElseThrow();

        assertThat(r.state()).isEqualTo(state);
        assertThat(r.rollback()).isEqualTo(rollback);
        assertThat(r.service()).isEqualTo("servicetest");
    }

    @Test
    void unknownEventNamesReportNoState() {
        assertThat(RolloutState.fromEventName("SERVICE_TASK_PLACEMENT_FAILURE")).isEmpty();
    }

    @Test
    void aTerminalStateIsNotUndoneByAnInProgressEventOfTheSameTimeOrOlder() {
        Rollout failed = Rollout.apply(Optional.empty(), event("SERVICE_DEPLOYMENT_FAILED", "failed", T))
                .orElseThrow();

        assertThat(Rollout.apply(Optional.of(failed), event("SERVICE_DEPLOYMENT_IN_PROGRESS", "in progress", T)))
                .isEmpty();
        assertThat(Rollout.apply(Optional.of(failed), event("SERVICE_DEPLOYMENT_COMPLETED", "done", T.minusSeconds(1))))
                .isEmpty();
        assertThat(Rollout.apply(Optional.of(failed), event("SERVICE_DEPLOYMENT_FAILED", "failed", T)))
                .isEmpty();
    }

    @Test
    void aNewerEventMovesTheState() {
        Rollout inProgress = Rollout.apply(Optional.empty(), event("SERVICE_DEPLOYMENT_IN_PROGRESS", "in progress", T))
                .orElseThrow();

        assertThat(Rollout.apply(
                        Optional.of(inProgress), event("SERVICE_DEPLOYMENT_COMPLETED", "done", T.plusSeconds(5))))
                .map(Rollout::state)
                .hasValue(RolloutState.COMPLETED);
    }

    @Test
    void aRollbackStaysKnownWhateverTheOrder() {
        Rollout failed = Rollout.apply(Optional.empty(), event("SERVICE_DEPLOYMENT_FAILED", "failed", T))
                .orElseThrow();

        Rollout after = Rollout.apply(Optional.of(failed), event("SERVICE_DEPLOYMENT_IN_PROGRESS", ROLLING_BACK, T))
                .orElseThrow();

        assertThat(after.state()).isEqualTo(RolloutState.FAILED);
        assertThat(after.rollback()).isTrue();
        Rollout completed = Rollout.apply(
                        Optional.of(after), event("SERVICE_DEPLOYMENT_COMPLETED", "done", T.plusSeconds(60)))
                .orElseThrow();
        assertThat(completed.rollback()).isTrue();
    }
}
