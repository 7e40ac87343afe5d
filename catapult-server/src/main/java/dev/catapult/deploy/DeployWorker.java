package dev.catapult.deploy;

import dev.catapult.platform.CatapultProperties;
import dev.catapult.platform.ClaimLoop;
import dev.catapult.platform.Wakeups;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs deploys on this replica: claims them from the database, dispatches each to its deployer (at most
 * {@value #MAX_CONCURRENT} at once), records the outcome, and fails deploys past their deadline. Wakes at once
 * when this replica accepts a deploy, and polls for work other replicas accepted.
 */
@Component
class DeployWorker extends ClaimLoop<DeployTask> {
    private static final Logger log = LoggerFactory.getLogger(DeployWorker.class);
    private static final int MAX_CONCURRENT = 16;

    private final DeployClaims claims;
    private final Map<String, Deployer> deployers;

    DeployWorker(DeployClaims claims, List<Deployer> deployers, CatapultProperties props) {
        super(
                "deploy-worker",
                MAX_CONCURRENT,
                props.deploys().pollInterval(),
                props.deploys().lease(),
                new Wakeups());
        this.claims = claims;
        this.deployers = deployers.stream().collect(Collectors.toMap(Deployer::type, Function.identity()));
    }

    @Override
    protected Optional<DeployTask> claim() {
        return claims.claim(owner);
    }

    @Override
    protected void renewLeases() {
        claims.renewLeases(owner);
    }

    @Override
    protected void housekeeping() {
        claims.expire();
    }

    @Override
    protected void execute(DeployTask task) throws InterruptedException {
        try {
            Deployer deployer = deployers.get(task.deployer().type());
            DispatchOutcome outcome = deployer == null
                    ? new DispatchOutcome.Failed(
                            "no deployer of type '" + task.deployer().type() + "' on this server", null)
                    : deployer.dispatch(task);
            claims.complete(task, owner, outcome);
        } catch (RuntimeException e) {
            log.warn("Deploy {} failed to dispatch", task.id(), e);
            claims.complete(
                    task,
                    owner,
                    new DispatchOutcome.Failed("deployer error: " + e.getClass().getSimpleName(), null));
        }
    }
}
