package dev.catapult.deploy;

import dev.catapult.common.Conflict;
import dev.catapult.release.Containment;
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
