package dev.catapult.deploy.web;

import dev.catapult.api.DeployView;
import dev.catapult.api.RollbackTargetView;
import dev.catapult.deploy.Deploy;
import dev.catapult.deploy.RollbackTarget;

/** Deploys on the wire: the API's controllers and the UI's pages map the module's records here. */
public final class DeployViews {
    private DeployViews() {}

    public static DeployView of(Deploy d) {
        return new DeployView(
                d.id(),
                d.app(),
                d.environment(),
                d.version(),
                d.previousVersion(),
                d.actor(),
                d.reason().wireName(),
                d.rollback(),
                d.status().wireName(),
                d.message(),
                d.deployer(),
                d.externalRef(),
                d.requiredApprovals(),
                d.approvals().stream()
                        .map(a -> new DeployView.Approval(a.approver(), a.at()))
                        .toList(),
                d.history().stream()
                        .map(t -> new DeployView.Transition(t.status().wireName(), t.at(), t.actor(), t.message()))
                        .toList(),
                d.createdAt(),
                d.updatedAt(),
                d.finishedAt());
    }

    static RollbackTargetView of(String app, String environment, RollbackTarget.To to) {
        return new RollbackTargetView(app, environment, to.running(), to.version(), to.deployId(), to.deployedAt());
    }
}
