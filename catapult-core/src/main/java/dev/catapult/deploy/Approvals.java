package dev.catapult.deploy;

import dev.catapult.common.Conflict;
import dev.catapult.common.Forbidden;
import java.util.Set;

/** Decides approvals: distinct approvers, never the requester, only while a deploy awaits them. */
public final class Approvals {
    private Approvals() {}

    /** The status a new deploy starts in. */
    public static DeployStatus initialStatus(int requiredApprovals) {
        return requiredApprovals > 0 ? DeployStatus.PENDING_APPROVAL : DeployStatus.QUEUED;
    }

    /**
     * Records {@code approver}'s approval and returns the status the deploy moves to: still
     * {@code pending_approval}, or {@code queued} once enough distinct approvers agreed.
     */
    public static DeployStatus approve(
            DeployStatus status, String requester, String approver, Set<String> approvedBy, int required) {
        if (status != DeployStatus.PENDING_APPROVAL) {
            throw new Conflict("deploy is " + status.wireName() + ", not pending_approval");
        }
        if (approver.equals(requester)) {
            throw new Forbidden("the requester of a deploy cannot approve it");
        }
        if (approvedBy.contains(approver)) {
            throw new Conflict(approver + " has already approved this deploy");
        }
        return approvedBy.size() + 1 >= required ? DeployStatus.QUEUED : DeployStatus.PENDING_APPROVAL;
    }
}
