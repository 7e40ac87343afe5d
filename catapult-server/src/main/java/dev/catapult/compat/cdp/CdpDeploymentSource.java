package dev.catapult.compat.cdp;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the compatibility deployment views come from: the ledger and the runtime instances
 * ({@code CdpDeployments}); the mapping sits behind one interface so the routes do not change with it.
 *
 * <p>Implementations MUST return deployments newest first from {@link #latest}, MUST return at most one
 * deployment per service and environment from {@link #running}, and MUST leave out archived services.
 */
public interface CdpDeploymentSource {
    /** The most recent deployment events, newest first, optionally in one environment. */
    List<CdpDeployment> latest(@Nullable String environment, int offset, int limit);

    /** One deployment by its id. */
    Optional<CdpDeployment> find(String deploymentId);

    /** Per service and environment what runs now, optionally for one service. */
    List<CdpDeployment> running(@Nullable String service);
}
