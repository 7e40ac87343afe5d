package dev.catapult.watch;

import dev.catapult.common.InvalidInput;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A pause on a target's auto-deploy (SPEC §6, invariant I5), put by a manual rollback or a manual deploy of an
 * older version so the watcher does not immediately undo it.
 *
 * @param reason why the target is held, for people
 * @param until when the hold lapses by itself; {@code null} holds until someone releases it
 * @param by who (or which action) put the hold
 */
public record Hold(String reason, @Nullable Instant until, String by) {
    public Hold {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("hold.reason", "must not be empty");
        }
        if (by == null || by.isBlank()) {
            throw new InvalidInput("hold.by", "must not be empty");
        }
    }
}
