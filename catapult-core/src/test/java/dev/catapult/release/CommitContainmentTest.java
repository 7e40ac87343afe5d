package dev.catapult.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommitContainmentTest {
    // Commits named in the order they were made on the branch.
    private static final CommitSha A = sha(0xa);
    private static final CommitSha B = sha(0xb);
    private static final CommitSha C = sha(0xc);
    private static final CommitSha D = sha(0xd);
    private static final CommitSha E = sha(0xe);
    private static final CommitSha F = sha(0xf);
    private static final CommitSha OLDER = sha(0x1);

    /** v1 at A, v2 at C (adds B, C), v3 at E (adds D, E). */
    private static final List<ReleaseCommits> FORWARD =
            List.of(release(1, A, A), release(2, C, B, C), release(3, E, D, E));

    @ParameterizedTest(name = "v{0} contains {1}: {2}")
    @MethodSource
    void forwardChainContainsEverythingListedUpToTheRelease(long version, CommitSha commit, Containment expected) {
        assertThat(CommitContainment.of(FORWARD, version, commit)).isEqualTo(expected);
    }

    static Stream<Arguments> forwardChainContainsEverythingListedUpToTheRelease() {
        return Stream.of(
                arguments(3, A, Containment.TRUE),
                arguments(3, B, Containment.TRUE),
                arguments(3, C, Containment.TRUE),
                arguments(3, D, Containment.TRUE),
                arguments(3, E, Containment.TRUE),
                arguments(2, A, Containment.TRUE),
                arguments(2, B, Containment.TRUE),
                arguments(2, D, Containment.FALSE),
                arguments(2, E, Containment.FALSE),
                arguments(1, B, Containment.FALSE),
                arguments(1, C, Containment.FALSE));
    }

    @Test
    void releaseContainsItsOwnCommit() {
        assertThat(CommitContainment.of(FORWARD, 2, C)).isEqualTo(Containment.TRUE);
    }

    @Test
    void releaseContainsItsOwnCommitEvenWithoutCommitList() {
        List<ReleaseCommits> releases = List.of(release(1, A, A), withoutList(2, C));

        assertThat(CommitContainment.of(releases, 2, C)).isEqualTo(Containment.TRUE);
    }

    @Test
    void releaseContainsItsOwnCommitWhenItIsARollback() {
        List<ReleaseCommits> releases = List.of(release(1, A, A), release(2, C, B, C), release(3, A, B, C));

        assertThat(CommitContainment.of(releases, 3, A)).isEqualTo(Containment.TRUE);
    }

    @Test
    void commitOnlyIntroducedByALaterReleaseIsNotContained() {
        assertThat(CommitContainment.of(FORWARD, 1, D)).isEqualTo(Containment.FALSE);
    }

    @Test
    void commitOlderThanTheFirstReleaseIsUnknown() {
        assertThat(CommitContainment.of(FORWARD, 3, OLDER)).isEqualTo(Containment.UNKNOWN);
    }

    @Test
    void commitNeverSeenAnywhereIsUnknown() {
        assertThat(CommitContainment.of(FORWARD, 1, sha(0x42))).isEqualTo(Containment.UNKNOWN);
    }

    @Test
    void releaseWithoutCommitListMakesOlderCommitsUnknown() {
        List<ReleaseCommits> releases = List.of(release(1, A, A), withoutList(2, C), release(3, E, D, E));

        assertThat(CommitContainment.of(releases, 3, B)).isEqualTo(Containment.UNKNOWN);
        assertThat(CommitContainment.of(releases, 3, A)).isEqualTo(Containment.UNKNOWN);
    }

    @Test
    void commitsListedAboveAReleaseWithoutCommitListAreStillKnown() {
        List<ReleaseCommits> releases = List.of(release(1, A, A), withoutList(2, C), release(3, E, D, E));

        assertThat(CommitContainment.of(releases, 3, D)).isEqualTo(Containment.TRUE);
    }

    @Test
    void rollbackReleaseRemovesTheCommitsItLists() {
        // v3 goes back to A: its list holds the commits between A and v2's commit C, including C but not A.
        List<ReleaseCommits> releases = List.of(release(1, A, A), release(2, C, B, C), release(3, A, B, C));

        assertThat(CommitContainment.of(releases, 3, B)).isEqualTo(Containment.FALSE);
        assertThat(CommitContainment.of(releases, 3, C)).isEqualTo(Containment.FALSE);
    }

    @Test
    void rollbackReleaseLeavesTheReleaseBelowUnchanged() {
        List<ReleaseCommits> releases = List.of(release(1, A, A), release(2, C, B, C), release(3, A, B, C));

        assertThat(CommitContainment.of(releases, 2, B)).isEqualTo(Containment.TRUE);
    }

    @Test
    void rollbackToAnIntermediateCommitKeepsWhatCameBeforeIt() {
        // v3 goes back to B: it removes only C.
        List<ReleaseCommits> releases = List.of(release(1, A, A), release(2, C, B, C), release(3, B, C));

        assertThat(CommitContainment.of(releases, 3, A)).isEqualTo(Containment.TRUE);
        assertThat(CommitContainment.of(releases, 3, B)).isEqualTo(Containment.TRUE);
        assertThat(CommitContainment.of(releases, 3, C)).isEqualTo(Containment.FALSE);
    }

    @Test
    void commitRemovedByAnEarlierRollbackStaysRemovedThroughALaterOne() {
        // v4 goes back to B (removes C), v5 goes further back to A (removes B).
        List<ReleaseCommits> releases =
                List.of(release(1, A, A), release(2, B, B), release(3, C, C), release(4, B, C), release(5, A, B));

        assertThat(CommitContainment.of(releases, 5, B)).isEqualTo(Containment.FALSE);
        assertThat(CommitContainment.of(releases, 5, C)).isEqualTo(Containment.FALSE);
        assertThat(CommitContainment.of(releases, 5, A)).isEqualTo(Containment.TRUE);
    }

    @Test
    void commitRemovedThenReAddedLaterIsContainedAgain() {
        // v3 rolls back to A (removes B, C); v4 rolls forward to D on top of C (adds B, C, D again).
        List<ReleaseCommits> releases =
                List.of(release(1, A, A), release(2, C, B, C), release(3, A, B, C), release(4, D, B, C, D));

        assertThat(CommitContainment.of(releases, 3, B)).isEqualTo(Containment.FALSE);
        assertThat(CommitContainment.of(releases, 4, B)).isEqualTo(Containment.TRUE);
        assertThat(CommitContainment.of(releases, 4, C)).isEqualTo(Containment.TRUE);
    }

    @Test
    void commitRemovedThenReAddedAsAReleaseCommitIsContainedAgain() {
        List<ReleaseCommits> releases = List.of(release(1, A, A), release(2, B, B), release(3, A, B), release(4, B, B));

        assertThat(CommitContainment.of(releases, 3, B)).isEqualTo(Containment.FALSE);
        assertThat(CommitContainment.of(releases, 4, B)).isEqualTo(Containment.TRUE);
    }

    @Test
    void forwardReleaseAfterARollbackOnAnotherBranchDoesNotBringRemovedCommitsBack() {
        // v3 rolls back to A; v4 is a fix F built on A, so B and C stay removed.
        List<ReleaseCommits> releases =
                List.of(release(1, A, A), release(2, C, B, C), release(3, A, B, C), release(4, F, F));

        assertThat(CommitContainment.of(releases, 4, C)).isEqualTo(Containment.FALSE);
        assertThat(CommitContainment.of(releases, 4, F)).isEqualTo(Containment.TRUE);
        assertThat(CommitContainment.of(releases, 4, A)).isEqualTo(Containment.TRUE);
    }

    @Test
    void versionNotInTheHistoryIsAProgrammingError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommitContainment.of(FORWARD, 9, A))
                .withMessageContaining("release 9");
    }

    private static CommitSha sha(int n) {
        return new CommitSha(String.format("%040x", n));
    }

    private static ReleaseCommits release(long version, CommitSha commit, CommitSha... commits) {
        return new ReleaseCommits(version, commit, Arrays.asList(commits));
    }

    private static ReleaseCommits withoutList(long version, CommitSha commit) {
        return new ReleaseCommits(version, commit, null);
    }
}
