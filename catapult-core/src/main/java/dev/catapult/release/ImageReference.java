package dev.catapult.release;

import dev.catapult.app.ImageRepository;
import dev.catapult.common.InvalidInput;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An image reference as people write it: {@code repo:tag}, {@code repo@sha256:…} or
 * {@code repo:tag@sha256:…}. The tag separator is the last colon after the last slash, so registry ports
 * ({@code 127.0.0.1:5000/app:1.0}) split correctly.
 */
public record ImageReference(
        ImageRepository repository,
        @Nullable String tag,
        @Nullable Digest digest) {
    private static final Pattern TAG = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$");

    public ImageReference {
        if (tag == null && digest == null) {
            throw new InvalidInput("image", "'" + repository + "' needs a tag or a digest");
        }
    }

    /** Parses {@code text} for {@code field}. */
    public static ImageReference parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "must not be empty");
        }
        String rest = text.trim();
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            try {
                digest = new Digest(rest.substring(at + 1));
            } catch (InvalidInput e) {
                throw new InvalidInput(
                        field, "'" + text + "' has an invalid digest (want sha256:<64 lower-case hex digits>)");
            }
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidInput(field, "'" + text + "' has an invalid tag");
            }
        }
        if (!ImageRepository.isValid(rest)) {
            throw new InvalidInput(
                    field, "'" + text + "' is not an image reference like registry.example/team/app:tag or …@sha256:…");
        }
        if (tag == null && digest == null) {
            throw new InvalidInput(field, "'" + text + "' needs a tag or a digest");
        }
        return new ImageReference(new ImageRepository(rest), tag, digest);
    }

    public Optional<Digest> pinned() {
        return Optional.ofNullable(digest);
    }

    /** The canonical digest reference {@code repo@sha256:…}; only for pinned references. */
    public String digestReference() {
        if (digest == null) {
            throw new IllegalStateException("not pinned: " + this);
        }
        return repository.value() + "@" + digest.value();
    }

    @Override
    public String toString() {
        return repository.value() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest.value());
    }
}
