package dev.catapult.deploy;

import dev.catapult.common.Conflict;
import dev.catapult.release.CommitContainment;
import dev.catapult.release.CommitSha;
import dev.catapult.release.Containment;
import dev.catapult.release.ReleaseCommits;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a requested deploy is: a rollback or not, its reason, and whether the request may go
 * ahead as sent. A deploy that lowers the running version, or moves to a commit that does not contain the
 * running one, must be requested with {@code rollback: true}.
 *
 * @param rollback whether the deploy rolls back
 * @param reason the reason recorded
 */
public record DeployPlan(boolean rollback, DeployReason reason) {

    /**
     * Decides a deploy of {@code targetVersion} (at {@code targetCommit}) over what runs now, working out first
     * whether the target contains the running commit ({@link #runningCommitIn}).
     *
     * @param running what runs in the environment, if anything
     * @param history every release of the app in version order with its commits; asked for only when the answer
     *     needs it (a deploy forward to a different commit)
     */
    public static DeployPlan decide(
            @Nullable RunningRelease running,
            long targetVersion,
            CommitSha targetCommit,
            Supplier<List<ReleaseCommits>> history,
            boolean rollbackRequested,
            @Nullable DeployReason requestedReason) {
        return decide(
                running == null ? null : running.version(),
                targetVersion,
                runningCommitIn(running, targetVersion, targetCommit, history),
                rollbackRequested,
                requestedReason);
    }

    /**
     * Whether the target release contains the running release's commit. The same commit always does. Otherwise
     * only a deploy forward asks the ledger ({@link CommitContainment}): going down or redeploying is decided by
     * the version alone, so there it stays unknown.
     */
    public static Containment runningCommitIn(
            @Nullable RunningRelease running,
            long targetVersion,
            CommitSha targetCommit,
            Supplier<List<ReleaseCommits>> history) {
        if (running == null) {
            return Containment.UNKNOWN;
        }
        if (running.commit().equals(targetCommit)) {
            return Containment.TRUE;
        }
        if (running.version() >= targetVersion) {
            return Containment.UNKNOWN;
        }
        return CommitContainment.of(history.get(), targetVersion, running.commit());
    }

    /**
     * Whether this deploy puts a hold on the target's automation (I5): a human going back must not be undone by
     * the watcher. Automation itself never holds itself (it never rolls back anyway).
     */
    public boolean holdsAutomation() {
        return rollback && reason != DeployReason.AUTO;
    }

    /**
     * @param runningVersion the version whose deploy last succeeded in the environment, if any
     * @param targetVersion the version to deploy
     * @param runningCommitInTarget whether the target release contains the running release's commit
     * @param rollbackRequested whether the request said {@code rollback: true}
     * @param requestedReason the reason the request gave, if any
     */
    public static DeployPlan decide(
            @Nullable Long runningVersion,
            long targetVersion,
            Containment runningCommitInTarget,
            boolean rollbackRequested,
            @Nullable DeployReason requestedReason) {
        boolean rollback = runningVersion != null
                && (targetVersion < runningVersion
                        || (targetVersion > runningVersion && runningCommitInTarget == Containment.FALSE));
        // rollback implies a running version; the null check says so to NullAway
        if (rollback && !rollbackRequested && runningVersion != null) {
            String why = targetVersion < runningVersion
                    ? "v" + targetVersion + " is lower than the running v" + runningVersion
                    : "v" + targetVersion + " does not contain the commit of the running v" + runningVersion;
            throw new Conflict("this deploy rolls back (" + why + "); request it with rollback: true");
        }
        DeployReason reason;
        if (requestedReason != null) {
            reason = requestedReason;
        } else if (rollback) {
            reason = DeployReason.ROLLBACK;
        } else if (runningVersion != null && runningVersion == targetVersion) {
            reason = DeployReason.REDEPLOY;
        } else {
            reason = DeployReason.MANUAL;
        }
        return new DeployPlan(rollback, reason);
    }
}
