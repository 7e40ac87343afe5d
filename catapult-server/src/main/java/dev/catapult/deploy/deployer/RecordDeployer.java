package dev.catapult.deploy.deployer;

import dev.catapult.deploy.DeployTask;
import dev.catapult.deploy.Deployer;
import dev.catapult.deploy.DispatchOutcome;
import dev.catapult.targets.DeployerSpec;
import org.springframework.stereotype.Component;

/**
 * Ledger only: the deploy becomes the environment's desired state and succeeds at once, or, with
 * {@code awaitReport}, waits for the external system's report (failing at its deadline).
 */
@Component
class RecordDeployer implements Deployer {
    @Override
    public String type() {
        return "record";
    }

    @Override
    public DispatchOutcome dispatch(DeployTask task) {
        if (task.deployer() instanceof DeployerSpec.Record r && r.awaitReport()) {
            return new DispatchOutcome.AwaitingReport("recorded; waiting for the external system to report", null);
        }
        return new DispatchOutcome.Succeeded("recorded", null);
    }
}
