package dev.catapult.environment;

import dev.catapult.common.Conflict;
import dev.catapult.common.InvalidInput;

/** Whether a release may be promoted from one environment to another: only up the rank order. */
public final class Promotion {
    private Promotion() {}

    /** Throws unless {@code to} ranks strictly above {@code from}. */
    public static void check(String from, int fromRank, String to, int toRank) {
        if (from.equals(to)) {
            throw new InvalidInput("to", "must differ from 'from'");
        }
        if (toRank <= fromRank) {
            throw new Conflict("cannot promote from '" + from + "' (rank " + fromRank + ") to '" + to + "' (rank "
                    + toRank + "): promotion goes to a higher-ranked environment");
        }
    }
}
