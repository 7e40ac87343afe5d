package dev.catapult.deploy;

import dev.catapult.common.Conflict;
import java.util.Objects;

/**
 * A move of a deploy from one status to another that the lifecycle allows ({@link DeployStatus#canMoveTo}).
 * Whatever moves a deploy — the worker, an approval, a cancellation, an external report — builds one of these
 * before writing, so an illegal move is refused in one place instead of being trusted to every caller.
 */
public record DeployTransition(DeployStatus from, DeployStatus to) {
    public DeployTransition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.canMoveTo(to)) {
            throw new Conflict("a deploy that is " + from.wireName() + " cannot become " + to.wireName());
        }
    }

    /** Whether the deploy ends with this move. */
    public boolean finishes() {
        return to.isTerminal();
    }
}
