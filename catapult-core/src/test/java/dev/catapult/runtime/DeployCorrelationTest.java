package dev.catapult.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.app.ImageRepository;
import dev.catapult.deploy.DeployStatus;
import dev.catapult.release.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When runtime facts complete a deploy that waits for an external system. */
class DeployCorrelationTest {
    private static final Instant T = Instant.parse("2025-06-01T12:00:00Z");
    private static final Digest A = new Digest("sha256:" + "a".repeat(64));
    private static final Digest B = new Digest("sha256:" + "b".repeat(64));

    /** Columns: the deploy's status, whether it awaits a report, its digest; the instance; the verdict. */
    @ParameterizedTest(name = "deploy {0} awaits {1} at {2}; instance {3} runs {4}, named {5} ⇒ {6}")
    @CsvSource(nullValues = "-", textBlock = """
      # status,    awaits, digest, instance, runs, named, verdict
      IN_PROGRESS, true,   a,      RUNNING,  a,    true,  succeeded
      IN_PROGRESS, true,   a,      RUNNING,  a,    false, -
      IN_PROGRESS, true,   a,      RUNNING,  b,    true,  -
      IN_PROGRESS, true,   a,      RUNNING,  -,    true,  -
      IN_PROGRESS, true,   a,      PENDING,  a,    true,  -
      IN_PROGRESS, true,   a,      STOPPED,  a,    true,  -
      IN_PROGRESS, true,   -,      RUNNING,  a,    true,  -
      IN_PROGRESS, false,  a,      RUNNING,  a,    true,  -
      QUEUED,      true,   a,      RUNNING,  a,    true,  -
      SUCCEEDED,   true,   a,      RUNNING,  a,    true,  -
      FAILED,      true,   a,      RUNNING,  a,    true,  -
      """)
    void anInstanceTheSourceLinksToTheDeploySucceedsItOnceItRunsItsDigest(
            DeployStatus status,
            boolean awaits,
            @Nullable String digest,
            InstanceStatus instance,
            @Nullable String runs,
            boolean named,
            @Nullable String verdict) {
        Optional<RuntimeVerdict> v = DeployCorrelation.instanceChanged(
                instance(instance, runs), named, new AwaitedDeploy("d1", status, awaits, digest(digest)));
        assertThat(v.map(r -> r.status().wireName()).orElse(null)).isEqualTo(verdict);
        v.ifPresent(r -> assertThat(r.message()).isEqualTo("runtime: task-1 runs " + A.value()));
    }

    /**
     * Columns: the rollout's state and whether the runtime rolled it back; the deploy's status, whether it awaits
     * a report and its digest; the digests the service's running instances run; the verdict.
     */
    @ParameterizedTest(name = "rollout {0} rollback {1}; deploy {2} awaits {3} at {4}; running {5} ⇒ {6}")
    @CsvSource(nullValues = "-", textBlock = """
      # rollout,   rollback, status,      awaits, digest, running, verdict
      COMPLETED,   false,    IN_PROGRESS, true,   a,      a a a,   succeeded
      COMPLETED,   false,    IN_PROGRESS, true,   a,      a,       succeeded
      COMPLETED,   false,    IN_PROGRESS, true,   a,      a b,     -
      COMPLETED,   false,    IN_PROGRESS, true,   a,      b,       -
      COMPLETED,   false,    IN_PROGRESS, true,   a,      a ?,     -
      COMPLETED,   false,    IN_PROGRESS, true,   a,      none,    -
      COMPLETED,   false,    IN_PROGRESS, true,   -,      a,       -
      FAILED,      false,    IN_PROGRESS, true,   a,      a,       failed
      FAILED,      false,    IN_PROGRESS, true,   -,      none,    failed
      COMPLETED,   true,     IN_PROGRESS, true,   a,      a,       failed
      IN_PROGRESS, true,     IN_PROGRESS, true,   a,      b,       -
      IN_PROGRESS, false,    IN_PROGRESS, true,   a,      a,       -
      FAILED,      false,    IN_PROGRESS, false,  a,      a,       -
      COMPLETED,   false,    IN_PROGRESS, false,  a,      a,       -
      FAILED,      false,    SUCCEEDED,   true,   a,      a,       -
      COMPLETED,   false,    QUEUED,      true,   a,      a,       -
      """)
    void aFinishedRolloutDecidesTheAwaitedDeploy(
            RolloutState state,
            boolean rollback,
            DeployStatus status,
            boolean awaits,
            @Nullable String digest,
            String running,
            @Nullable String verdict) {
        Rollout rollout = new Rollout("ecs-svc/1", "api", state, rollback, "", T);
        Optional<RuntimeVerdict> v = DeployCorrelation.rolloutChanged(
                rollout, new AwaitedDeploy("d1", status, awaits, digest(digest)), digests(running));
        assertThat(v.map(r -> r.status().wireName()).orElse(null)).isEqualTo(verdict);
    }

    @ParameterizedTest(name = "{0} rollback {1} reason ''{2}'' ⇒ {3}")
    @CsvSource(delimiter = '|', textBlock = """
      FAILED    | false | tasks failed to start | runtime: rollout ecs-svc/1 failed: tasks failed to start
      FAILED    | false | ''                    | runtime: rollout ecs-svc/1 failed
      COMPLETED | true  | circuit breaker: rolling back | runtime: rollout ecs-svc/1 was rolled back: circuit breaker: rolling back
      """)
    void aFailureSaysWhatTheRuntimeSaid(RolloutState state, boolean rollback, String reason, String message) {
        Rollout rollout = new Rollout("ecs-svc/1", "api", state, rollback, reason, T);
        assertThat(DeployCorrelation.rolloutChanged(
                                rollout, new AwaitedDeploy("d1", DeployStatus.IN_PROGRESS, true, A), List.of(A))
                        .orElseThrow())
                .isEqualTo(new RuntimeVerdict.Failed("d1", message));
    }

    @ParameterizedTest(name = "completed ⇒ {0}")
    @CsvSource(textBlock = """
      runtime: rollout ecs-svc/1 completed; every instance runs sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
      """)
    void aSuccessSaysWhichRolloutCompleted(String message) {
        Rollout rollout = new Rollout("ecs-svc/1", "api", RolloutState.COMPLETED, false, "", T);
        assertThat(DeployCorrelation.rolloutChanged(
                                rollout, new AwaitedDeploy("d1", DeployStatus.IN_PROGRESS, true, A), List.of(A, A))
                        .orElseThrow())
                .isEqualTo(new RuntimeVerdict.Succeeded("d1", message));
    }

    private static Instance instance(InstanceStatus status, @Nullable String digest) {
        return new Instance(
                "task-1",
                "api",
                "app",
                new RunningImage(new ImageRepository("127.0.0.1:5000/shop/api"), "1.0.0", digest(digest)),
                status,
                null,
                null,
                null,
                1,
                T,
                T);
    }

    private static @Nullable Digest digest(@Nullable String name) {
        if (name == null || name.equals("?")) {
            return null;
        }
        return name.equals("a") ? A : B;
    }

    private static List<@Nullable Digest> digests(String running) {
        List<@Nullable Digest> out = new ArrayList<>();
        if (!running.equals("none")) {
            for (String d : running.split(" ")) {
                out.add(digest(d));
            }
        }
        return out;
    }
}
