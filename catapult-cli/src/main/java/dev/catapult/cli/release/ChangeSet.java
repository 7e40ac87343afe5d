package dev.catapult.cli.release;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a new release changes relative to the previous one: the direction and the commits, newest first.
 * For a {@link Kind#ROLLBACK} the commits are the ones being removed.
 */
public record ChangeSet(Kind kind, String commit, @Nullable String previousCommit, List<CommitInfo> commits) {

    public enum Kind {
        /** No previous release: the changelog is the release commit alone. */
        FIRST,
        /** The previous release's commit is not in the local clone (shallow or stale); treated like FIRST. */
        PREVIOUS_UNKNOWN,
        /** Same commit as the previous release (a rebuild, a new image). */
        UNCHANGED,
        /** The previous commit is an ancestor of the new one. */
        FORWARD,
        /** The new commit is an ancestor of the previous one: commits are removed. */
        ROLLBACK,
        /** Neither is an ancestor of the other: commits of new not in previous. */
        DIVERGED
    }

    public ChangeSet {
        commits = List.copyOf(commits);
    }

    public List<String> shas() {
        return commits.stream().map(CommitInfo::sha).toList();
    }

    static String shortSha(@Nullable String sha) {
        return sha == null ? "" : sha.substring(0, Math.min(7, sha.length()));
    }

    /** The line SPEC §4 asks for when a release goes backwards. */
    public String rollbackSummary() {
        return "rolling back from " + shortSha(previousCommit) + " to " + shortSha(commit) + ", removing "
                + commits.size() + (commits.size() == 1 ? " commit" : " commits");
    }
}
