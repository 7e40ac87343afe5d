package dev.catapult.runtime;

import dev.catapult.app.ImageRepository;
import dev.catapult.common.InvalidInput;
import dev.catapult.release.Digest;
import dev.catapult.release.ImageReference;
import org.jspecify.annotations.Nullable;

/**
 * The image a container runs, as a runtime reports it: the reference it was started from (which may carry a
 * tag, a digest, both, or — Docker's implicit {@code latest} — neither) and the digest the runtime resolved
 * (ECS's {@code imageDigest}), which wins because a tag may have moved since.
 */
public record RunningImage(
        ImageRepository repository,
        @Nullable String tag,
        @Nullable Digest digest) {

    /** Parses ECS's {@code image} and optional {@code imageDigest} of one container. */
    public static RunningImage of(String image, @Nullable String resolvedDigest) {
        if (image == null || image.isBlank()) {
            throw new InvalidInput("image", "the container reports no image");
        }
        String text = image.trim();
        int slash = text.lastIndexOf('/');
        boolean bare = !text.contains("@") && text.lastIndexOf(':') <= slash;
        ImageReference ref = ImageReference.parse("image", bare ? text + ":latest" : text);
        Digest digest = ref.digest();
        if (resolvedDigest != null && !resolvedDigest.isBlank()) {
            try {
                digest = new Digest(resolvedDigest.trim());
            } catch (InvalidInput e) {
                throw new InvalidInput(
                        "imageDigest",
                        "'" + resolvedDigest + "' is not a digest of the form sha256:<64 lower-case hex digits>");
            }
        }
        return new RunningImage(ref.repository(), ref.tag(), digest);
    }

    @Override
    public String toString() {
        return repository.value() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest.value());
    }
}
