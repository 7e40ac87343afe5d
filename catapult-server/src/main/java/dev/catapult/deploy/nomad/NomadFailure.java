package dev.catapult.deploy.nomad;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The deploy cannot succeed; the message says why, for people, without secrets. */
class NomadFailure extends Exception {
    NomadFailure(String message) {
        super(message, null, false, false);
    }

    /** Never null: every constructor takes the message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }

    /**
     * The budget ran out; the tracker knows what was being waited for. The message is the last problem met
     * while retrying, or empty.
     */
    static final class TimedOut extends NomadFailure {
        TimedOut(@Nullable String lastProblem) {
            super(lastProblem == null ? "" : lastProblem);
        }
    }
}
