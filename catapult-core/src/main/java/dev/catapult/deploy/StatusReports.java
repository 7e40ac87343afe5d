package dev.catapult.deploy;

import dev.catapult.common.Conflict;
import dev.catapult.common.InvalidInput;

/** Decides status reports from external CD systems and cancellations. */
public final class StatusReports {
    private StatusReports() {}

    /** The status an external report moves a deploy to; only progress and outcomes may be reported. */
    public static DeployStatus accept(DeployStatus current, DeployStatus reported) {
        if (reported != DeployStatus.IN_PROGRESS
                && reported != DeployStatus.SUCCEEDED
                && reported != DeployStatus.FAILED) {
            throw new InvalidInput("status", "reports may only say in_progress, succeeded or failed");
        }
        if (current == DeployStatus.PENDING_APPROVAL) {
            throw new Conflict("deploy is still pending approval");
        }
        if (current == reported && current.isTerminal()) {
            return current;
        }
        if (current == DeployStatus.QUEUED || current.canMoveTo(reported)) {
            return reported;
        }
        throw new Conflict("deploy is already " + current.wireName());
    }

    /** Whether a report repeats the terminal state already recorded (an idempotent retry). */
    public static boolean isRepeat(DeployStatus current, DeployStatus reported) {
        return current == reported && current.isTerminal();
    }

    /** Cancels a deploy that has not finished. */
    public static DeployStatus cancel(DeployStatus current) {
        if (!current.canMoveTo(DeployStatus.CANCELLED)) {
            throw new Conflict("deploy is already " + current.wireName());
        }
        return DeployStatus.CANCELLED;
    }
}
