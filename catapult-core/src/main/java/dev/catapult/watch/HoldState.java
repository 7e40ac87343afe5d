package dev.catapult.watch;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Whether a target's auto-deploy is held. */
public final class HoldState {

    private HoldState() {}

    /**
     * Whether {@code hold} is in force at {@code now}: a hold without {@code until} lasts until released; one with
     * {@code until} has expired from that instant on. No hold ({@code null}) is never active.
     */
    public static boolean isActive(@Nullable Hold hold, Instant now) {
        if (hold == null) {
            return false;
        }
        Instant until = hold.until();
        return until == null || now.isBefore(until);
    }
}
