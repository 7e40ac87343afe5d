package dev.catapult.deploy.nomad;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a dispatch reports what it is doing. The {@code Deployer} port carries only the final outcome, so by
 * default progress goes to the log, keyed by deploy id, with the Nomad object being followed.
 */
@FunctionalInterface
interface Progress {
    void report(String deployId, String message, @Nullable String externalRef);

    static Progress logged() {
        Logger log = LoggerFactory.getLogger(NomadDeployer.class);
        return (deployId, message, ref) ->
                log.info("deploy {}: {}{}", deployId, message, ref == null ? "" : " [" + ref + "]");
    }
}
