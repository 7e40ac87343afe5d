package dev.catapult.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.catapult.common.Conflict;
import dev.catapult.common.Forbidden;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovalsTest {

    @Test
    void deployWithoutRequiredApprovalsStartsQueued() {
        assertThat(Approvals.initialStatus(0)).isEqualTo(DeployStatus.QUEUED);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10})
    void deployNeedingApprovalsStartsPendingApproval(int required) {
        assertThat(Approvals.initialStatus(required)).isEqualTo(DeployStatus.PENDING_APPROVAL);
    }

    @ParameterizedTest(name = "{0} approvals")
    @ValueSource(ints = {1, 2, 3, 5})
    void requiredNumberOfDistinctApprovalsQueuesTheDeploy(int required) {
        Set<String> approvedBy = new HashSet<>();
        DeployStatus status = Approvals.initialStatus(required);
        for (int i = 1; i <= required; i++) {
            assertThat(status).isEqualTo(DeployStatus.PENDING_APPROVAL);
            status = Approvals.approve(status, "alice", "approver-" + i, approvedBy, required);
            approvedBy.add("approver-" + i);
        }

        assertThat(status).isEqualTo(DeployStatus.QUEUED);
    }

    @Test
    void approvalShortOfTheRequiredNumberKeepsTheDeployPending() {
        assertThat(Approvals.approve(DeployStatus.PENDING_APPROVAL, "alice", "carol", Set.of("bob"), 3))
                .isEqualTo(DeployStatus.PENDING_APPROVAL);
    }

    @Test
    void requesterCannotApproveTheirOwnDeploy() {
        assertThatExceptionOfType(Forbidden.class)
                .isThrownBy(() -> Approvals.approve(DeployStatus.PENDING_APPROVAL, "alice", "alice", Set.of(), 1))
                .withMessageContaining("requester");
    }

    @Test
    void secondApprovalBySameApproverIsAConflict() {
        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() -> Approvals.approve(DeployStatus.PENDING_APPROVAL, "alice", "bob", Set.of("bob"), 2))
                .withMessage("bob has already approved this deploy");
    }

    @ParameterizedTest
    @EnumSource(value = DeployStatus.class, names = "PENDING_APPROVAL", mode = EnumSource.Mode.EXCLUDE)
    void deployNotAwaitingApprovalCannotBeApproved(DeployStatus status) {
        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() -> Approvals.approve(status, "alice", "bob", Set.of(), 1))
                .withMessage("deploy is " + status.wireName() + ", not pending_approval");
    }
}
