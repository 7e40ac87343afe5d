package dev.catapult.targets;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The hold on a target's automation (I5): why, until when ({@code null}: until released), by whom and since when. */
public record TargetHold(
        String reason, @Nullable Instant until, @Nullable String by, Instant at) {}
