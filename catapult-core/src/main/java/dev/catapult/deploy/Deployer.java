package dev.catapult.deploy;

/**
 * Port: drives one deploy on some runtime.
 *
 * <p>An implementation MUST be safe to call again for the same deploy id (a replica that dies mid-dispatch
 * is replaced by another that dispatches again), MUST return before {@link DeployTask#deadline()}, MUST
 * honour interrupts (throwing {@link InterruptedException}), and MUST NOT put secrets in messages. It MAY
 * retry transient failures itself within the deadline, and MAY return {@link DispatchOutcome.AwaitingReport}
 * when an external system will report the outcome through the status API.
 */
public interface Deployer {
    /** The {@code deployer.type} this implementation serves. */
    String type();

    DispatchOutcome dispatch(DeployTask task) throws InterruptedException;
}
