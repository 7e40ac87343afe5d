package dev.catapult.watch;

import dev.catapult.release.Digest;
import java.util.Map;
import java.util.Set;

/**
 * What the ledger already knows about a target's candidate images.
 *
 * @param autoDeployed digests automation has deployed to this target before (each at most once, ever)
 * @param releases the newest release version of the app for each digest that has one
 */
public record ImageHistory(Set<Digest> autoDeployed, Map<Digest, Long> releases) {
    public static final ImageHistory NONE = new ImageHistory(Set.of(), Map.of());

    public ImageHistory {
        autoDeployed = Set.copyOf(autoDeployed);
        releases = Map.copyOf(releases);
    }
}
