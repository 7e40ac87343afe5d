package dev.catapult.runtime;

import dev.catapult.release.Digest;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * When what a runtime reports completes a deploy that waits for someone else to do the work ({@code record}
 * with {@code awaitReport}: an external pipeline deploys, Catapult waits), so it does not sit in progress until
 * its deadline. Only such deploys, and only while in progress, are ever completed this way:
 *
 * <ul>
 *   <li>an instance the source says came from the deploy succeeds it once that instance runs the deploy's
 *       digest;
 *   <li>a failed rollout of the app's service, or a rollout the runtime rolled back (a circuit breaker), fails
 *       it with the runtime's reason;
 *   <li>a completed rollout succeeds it when every running instance of the app's service runs the deploy's
 *       digest (and fails nothing otherwise: some other change may have completed).
 * </ul>
 *
 * What the runtime never reports still fails at the deploy's deadline.
 */
public final class DeployCorrelation {
    private DeployCorrelation() {}

    /**
     * After an instance changed.
     *
     * @param namedBySource whether the source itself named {@code deploy} as the instance's origin (a container
     *     label, a webhook field) rather than the ledger guessing it from the digest
     * @param deploy the deploy the instance is linked to, if any
     */
    public static Optional<RuntimeVerdict> instanceChanged(
            Instance instance, boolean namedBySource, @Nullable AwaitedDeploy deploy) {
        if (!namedBySource || deploy == null || !deploy.awaitsRuntime()) {
            return Optional.empty();
        }
        Digest runs = instance.image().digest();
        if (instance.status() != InstanceStatus.RUNNING || runs == null || !runs.equals(deploy.digest())) {
            return Optional.empty();
        }
        return Optional.of(
                new RuntimeVerdict.Succeeded(deploy.id(), "runtime: " + instance.taskArn() + " runs " + runs.value()));
    }

    /**
     * After a rollout of the app's service changed.
     *
     * @param deploy the app's deploy in progress in the rollout's environment
     * @param running the digest of every running instance of the app's service there ({@code null} for an
     *     instance whose digest is unknown)
     */
    public static Optional<RuntimeVerdict> rolloutChanged(
            Rollout rollout, AwaitedDeploy deploy, List<@Nullable Digest> running) {
        if (!rollout.state().isTerminal() || !deploy.awaitsRuntime()) {
            return Optional.empty();
        }
        if (rollout.state() == RolloutState.FAILED || rollout.rollback()) {
            return Optional.of(new RuntimeVerdict.Failed(
                    deploy.id(),
                    "runtime: rollout " + rollout.deploymentId()
                            + (rollout.rollback() ? " was rolled back" : " failed")
                            + (rollout.reason().isEmpty() ? "" : ": " + rollout.reason())));
        }
        Digest wanted = deploy.digest();
        Set<@Nullable Digest> distinct = new HashSet<>(running);
        if (wanted == null
                || distinct.size() != 1
                || !Objects.equals(distinct.iterator().next(), wanted)) {
            return Optional.empty();
        }
        return Optional.of(new RuntimeVerdict.Succeeded(
                deploy.id(),
                "runtime: rollout " + rollout.deploymentId() + " completed; every instance runs " + wanted.value()));
    }
}
