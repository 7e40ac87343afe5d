package dev.catapult.release;

import static dev.catapult.common.Refusals.fieldsOf;
import static dev.catapult.common.Refusals.invalidInput;
import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.catapult.common.InvalidInput;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseDraftTest {
    private static final String COMMIT = sha(1);
    private static final String DIGEST = "sha256:" + DigestTest.HEX64;

    @Test
    void validRequestBecomesADraft() {
        ReleaseDraft draft = ReleaseDraft.of(
                COMMIT,
                "ghcr.io/acme/api:1.2",
                null,
                "fix the thing",
                List.of(sha(2), COMMIT),
                null,
                ReleaseSource.CLI);

        assertThat(draft.commit()).isEqualTo(new CommitSha(COMMIT));
        assertThat(draft.image()).hasToString("ghcr.io/acme/api:1.2");
        assertThat(draft.changelog()).isEqualTo("fix the thing");
        assertThat(draft.commits()).containsExactly(new CommitSha(sha(2)), new CommitSha(COMMIT));
        assertThat(draft.source()).isEqualTo(ReleaseSource.CLI);
    }

    @Test
    void imageTagDefaultsToTheTagOfTheReference() {
        assertThat(draft("ghcr.io/acme/api:1.2", null).imageTag()).isEqualTo("1.2");
    }

    @Test
    void explicitImageTagWinsOverTheReferencesTag() {
        assertThat(draft("ghcr.io/acme/api@" + DIGEST, "1.2").imageTag()).isEqualTo("1.2");
    }

    @Test
    void fieldErrorsAreCollectedTogetherWithTheirFieldNames() {
        List<String> commits = List.of(sha(2), sha(3), sha(4), "not-a-sha", sha(5), "abc");

        InvalidInput e = invalidInput(() -> ReleaseDraft.of(
                "12345",
                "Bad/Image:1",
                " ",
                "x".repeat(ReleaseDraft.MAX_CHANGELOG_BYTES + 1),
                commits,
                null,
                ReleaseSource.API));

        assertThat(e.errors())
                .extracting(InvalidInput.FieldError::field)
                .containsExactly("commit", "image", "imageTag", "changelog", "commits[3]", "commits[5]");
        assertThat(e).hasMessageStartingWith("commit: ");
    }

    @Test
    void missingCommitIsRequired() {
        InvalidInput.FieldError error = onlyErrorOf(
                () -> ReleaseDraft.of(null, "ghcr.io/acme/api:1", null, null, null, null, ReleaseSource.API));

        assertThat(error).isEqualTo(new InvalidInput.FieldError("commit", "is required"));
    }

    @Test
    void imageIsRequiredUnlessNoImage() {
        InvalidInput.FieldError error =
                onlyErrorOf(() -> ReleaseDraft.of(COMMIT, null, null, null, null, false, ReleaseSource.API));

        assertThat(error).isEqualTo(new InvalidInput.FieldError("image", "is required unless noImage is true"));
    }

    @Test
    void imageAndNoImageAreExclusive() {
        InvalidInput.FieldError error = onlyErrorOf(
                () -> ReleaseDraft.of(COMMIT, "ghcr.io/acme/api:1", null, null, null, true, ReleaseSource.API));

        assertThat(error).isEqualTo(new InvalidInput.FieldError("image", "must be absent when noImage is true"));
    }

    @Test
    void releaseWithoutImageHasNoImageAndNoTag() {
        ReleaseDraft draft = ReleaseDraft.of(COMMIT, null, null, null, null, true, ReleaseSource.API);

        assertThat(draft.image()).isNull();
        assertThat(draft.imageTag()).isNull();
    }

    @Test
    void missingChangelogBecomesEmpty() {
        assertThat(draft("ghcr.io/acme/api:1", null).changelog()).isEmpty();
    }

    @Test
    void missingCommitListStaysUnknown() {
        assertThat(draft("ghcr.io/acme/api:1", null).commits()).isNull();
    }

    @Test
    void duplicateCommitsAreDeduplicatedInOrder() {
        List<String> commits = List.of(sha(3), sha(1), sha(3), sha(1).toUpperCase(), sha(2));

        ReleaseDraft draft =
                ReleaseDraft.of(COMMIT, "ghcr.io/acme/api:1", null, null, commits, null, ReleaseSource.API);

        assertThat(draft.commits()).extracting(CommitSha::value).containsExactly(sha(3), sha(1), sha(2));
    }

    @Test
    void commitListAtTheCapIsAccepted() {
        List<String> commits = IntStream.range(0, ReleaseDraft.MAX_COMMITS)
                .mapToObj(ReleaseDraftTest::sha)
                .toList();

        ReleaseDraft draft =
                ReleaseDraft.of(COMMIT, "ghcr.io/acme/api:1", null, null, commits, null, ReleaseSource.API);

        assertThat(draft.commits()).hasSize(ReleaseDraft.MAX_COMMITS);
    }

    @Test
    void commitListOverTheCapIsRefusedAsOneError() {
        List<String> commits = Collections.nCopies(ReleaseDraft.MAX_COMMITS + 1, "junk");

        InvalidInput.FieldError error = onlyErrorOf(
                () -> ReleaseDraft.of(COMMIT, "ghcr.io/acme/api:1", null, null, commits, null, ReleaseSource.API));

        assertThat(error.field()).isEqualTo("commits");
        assertThat(error.message()).contains("20000");
    }

    @Test
    void changelogAtTheByteCapIsAccepted() {
        String changelog = "x".repeat(ReleaseDraft.MAX_CHANGELOG_BYTES);

        assertThat(ReleaseDraft.of(COMMIT, "ghcr.io/acme/api:1", null, changelog, null, null, ReleaseSource.API)
                        .changelog())
                .isEqualTo(changelog);
    }

    @Test
    void changelogCapCountsUtf8BytesNotCharacters() {
        String changelog = "é".repeat(ReleaseDraft.MAX_CHANGELOG_BYTES / 2 + 1);

        assertThat(fieldsOf(() ->
                        ReleaseDraft.of(COMMIT, "ghcr.io/acme/api:1", null, changelog, null, null, ReleaseSource.API)))
                .containsExactly("changelog");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 129})
    void imageTagMustBeOneTo128Characters(int length) {
        String tag = length == 0 ? "" : "t".repeat(length);

        assertThat(fieldsOf(
                        () -> ReleaseDraft.of(COMMIT, "ghcr.io/acme/api:1", tag, null, null, null, ReleaseSource.API)))
                .containsExactly("imageTag");
    }

    @Test
    void pinningKeepsTheTagAndAddsTheDigest() {
        ReleaseDraft pinned = draft("ghcr.io/acme/api:1.2", null).pinnedTo(new Digest(DIGEST));

        assertThat(pinned.image()).hasToString("ghcr.io/acme/api:1.2@" + DIGEST);
        assertThat(pinned.image().digestReference()).isEqualTo("ghcr.io/acme/api@" + DIGEST);
        assertThat(pinned.imageTag()).isEqualTo("1.2");
    }

    @Test
    void releaseWithoutImageCannotBePinned() {
        ReleaseDraft draft = ReleaseDraft.of(COMMIT, null, null, null, null, true, ReleaseSource.API);

        assertThatIllegalStateException().isThrownBy(() -> draft.pinnedTo(new Digest(DIGEST)));
    }

    private static ReleaseDraft draft(String image, String imageTag) {
        return ReleaseDraft.of(COMMIT, image, imageTag, null, null, null, ReleaseSource.API);
    }

    private static String sha(int n) {
        return String.format("%040x", n);
    }
}
