package dev.catapult.watch;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tag the registry lists now, with what its image says about where it came from.
 *
 * @param revision the image's {@code org.opencontainers.image.revision} label (or its index child's), as written;
 *     {@code null} when it has none
 */
public record WatchedImage(Candidate candidate, @Nullable String revision) {
    public WatchedImage {
        Objects.requireNonNull(candidate, "candidate");
    }
}
