package dev.catapult.release;

import dev.catapult.common.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A validated request for a new release, before the ledger gives it a version. {@code image} is null for
 * a release without an image; otherwise it carries the digest-pinned reference or a tag still to resolve.
 */
public record ReleaseDraft(
        CommitSha commit,
        @Nullable ImageReference image,
        @Nullable String imageTag,
        String changelog,
        @Nullable List<CommitSha> commits,
        ReleaseSource source) {

    /** Changelogs are stored truncated by the CLI already; this bounds what any client may send. */
    public static final int MAX_CHANGELOG_BYTES = 256 * 1024;

    /** Commit lists beyond this are refused: a release of more commits should send none (contains → unknown). */
    public static final int MAX_COMMITS = 20_000;

    /** Validates the raw fields of a create request. */
    public static ReleaseDraft of(
            @Nullable String commit,
            @Nullable String image,
            @Nullable String imageTag,
            @Nullable String changelog,
            @Nullable List<String> commits,
            @Nullable Boolean noImage,
            ReleaseSource source) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        CommitSha sha = null;
        if (commit == null) {
            errors.add(new InvalidInput.FieldError("commit", "is required"));
        } else {
            sha = collect(errors, () -> CommitSha.of("commit", commit));
        }
        ImageReference ref = null;
        boolean withoutImage = Boolean.TRUE.equals(noImage);
        if (withoutImage && image != null) {
            errors.add(new InvalidInput.FieldError("image", "must be absent when noImage is true"));
        } else if (!withoutImage && image == null) {
            errors.add(new InvalidInput.FieldError("image", "is required unless noImage is true"));
        } else if (image != null) {
            ref = collect(errors, () -> ImageReference.parse("image", image));
        }
        if (imageTag != null && (imageTag.isBlank() || imageTag.length() > 128)) {
            errors.add(new InvalidInput.FieldError("imageTag", "must be 1–128 characters"));
        }
        String text = changelog == null ? "" : changelog;
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_CHANGELOG_BYTES) {
            errors.add(
                    new InvalidInput.FieldError("changelog", "is larger than " + MAX_CHANGELOG_BYTES / 1024 + " KiB"));
        }
        List<CommitSha> list = null;
        if (commits != null) {
            if (commits.size() > MAX_COMMITS) {
                errors.add(new InvalidInput.FieldError("commits", "at most " + MAX_COMMITS + " commits"));
            } else {
                LinkedHashSet<CommitSha> unique = new LinkedHashSet<>();
                for (int i = 0; i < commits.size(); i++) {
                    int index = i;
                    CommitSha c = collect(errors, () -> CommitSha.of("commits[" + index + "]", commits.get(index)));
                    if (c != null) {
                        unique.add(c);
                    }
                }
                list = List.copyOf(unique);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String tag = imageTag != null ? imageTag : ref == null ? null : ref.tag();
        // no errors means the commit parsed
        return new ReleaseDraft(Objects.requireNonNull(sha), ref, tag, text, list, source);
    }

    private static <T> @Nullable T collect(List<InvalidInput.FieldError> errors, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInput e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** The same draft with its image pinned to {@code digest} (after the registry resolved the tag). */
    public ReleaseDraft pinnedTo(Digest digest) {
        if (image == null) {
            throw new IllegalStateException("no image to pin");
        }
        return new ReleaseDraft(
                commit,
                new ImageReference(image.repository(), image.tag(), digest),
                imageTag,
                changelog,
                commits,
                source);
    }
}
