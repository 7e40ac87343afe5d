package dev.catapult.deploy;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A deploy that succeeded in an environment: from then on, until the next success, its version ran there.
 *
 * @param finishedAt when it succeeded (when its version started running)
 */
public record SucceededDeploy(String id, long version, Instant finishedAt) {
    /** Most recently succeeded first; deploy ids are sortable, so they break ties between equal instants. */
    static final Comparator<SucceededDeploy> NEWEST_FIRST = Comparator.comparing(SucceededDeploy::finishedAt)
            .thenComparing(SucceededDeploy::id)
            .reversed();

    public SucceededDeploy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
