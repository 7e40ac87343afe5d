package dev.catapult.watch;

import dev.catapult.release.Digest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The image a target runs now.
 *
 * @param tag the tag it was deployed as; {@code null} when it was deployed by digest only
 */
public record Deployed(@Nullable String tag, Digest digest) {
    public Deployed {
        Objects.requireNonNull(digest, "digest");
    }
}
