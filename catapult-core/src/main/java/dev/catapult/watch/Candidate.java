package dev.catapult.watch;

import dev.catapult.release.Digest;
import java.time.Instant;
import java.util.Objects;

/**
 * A tag the registry lists now, with the digest it points at.
 *
 * @param firstSeenAt when Catapult first saw this tag point at this digest (what {@code minAge} measures)
 */
public record Candidate(String tag, Digest digest, Instant firstSeenAt) {
    public Candidate {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    }
}
