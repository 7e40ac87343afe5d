package dev.catapult.release;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The part of a release that containment needs: its commit and the commit list it was created with. */
public record ReleaseCommits(
        long version, CommitSha commit, @Nullable List<CommitSha> commits) {

    /**
     * Whether the list names commits this release removes rather than adds: a release built from an older
     * commit (a rollback release) lists the commits between it and the previous release's commit, which
     * include the previous commit but not its own.
     */
    boolean removes(@Nullable CommitSha previousCommit) {
        return commits != null
                && previousCommit != null
                && !commits.contains(commit)
                && commits.contains(previousCommit);
    }
}
