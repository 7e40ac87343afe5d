package dev.catapult.compat.cdp;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the compatibility deployment views come from. Today the ledger ({@code LedgerDeployments}); when
 * runtime instances arrive (SPEC §8), an implementation reading them replaces it without touching the
 * routes, which is why this mapping sits behind one interface.
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
