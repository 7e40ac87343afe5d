package dev.catapult.release;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides "does release N contain commit X" from the commit lists stored with each release.
 *
 * <p>Walking down from N, forward releases add their listed commits and their own commit; rollback
 * releases remove theirs. X is contained when it is added before anything below removed it. It is known
 * <em>not</em> to be contained when a release at or below N removed it, or when only a release after N
 * introduced it. Anything else (a release without a list, a commit older than the first release) is
 * unknown: the server never guesses.
 */
public final class CommitContainment {
    private CommitContainment() {}

    /**
     * @param releasesAscending every release of the app, ordered by version, without gaps
     * @param version the release N asked about
     * @param commit the commit X
     */
    public static Containment of(List<ReleaseCommits> releasesAscending, long version, CommitSha commit) {
        Set<CommitSha> removed = new HashSet<>();
        for (int i = indexOf(releasesAscending, version); i >= 0; i--) {
            ReleaseCommits release = releasesAscending.get(i);
            CommitSha previous = i > 0 ? releasesAscending.get(i - 1).commit() : null;
            if (release.commit().equals(commit)) {
                return removed.contains(commit) ? Containment.FALSE : Containment.TRUE;
            }
            if (release.commits() == null) {
                return removed.contains(commit) ? Containment.FALSE : Containment.UNKNOWN;
            }
            if (release.removes(previous)) {
                if (release.commits().contains(commit)) {
                    return Containment.FALSE;
                }
                removed.addAll(release.commits());
            } else if (release.commits().contains(commit)) {
                return removed.contains(commit) ? Containment.FALSE : Containment.TRUE;
            }
        }
        return introducedLater(releasesAscending, version, commit) ? Containment.FALSE : Containment.UNKNOWN;
    }

    private static int indexOf(List<ReleaseCommits> releases, long version) {
        for (int i = releases.size() - 1; i >= 0; i--) {
            if (releases.get(i).version() == version) {
                return i;
            }
        }
        throw new IllegalArgumentException("release " + version + " is not in the list");
    }

    private static boolean introducedLater(List<ReleaseCommits> releases, long version, CommitSha commit) {
        for (int i = 0; i < releases.size(); i++) {
            ReleaseCommits release = releases.get(i);
            if (release.version() <= version) {
                continue;
            }
            CommitSha previous = i > 0 ? releases.get(i - 1).commit() : null;
            boolean adds = release.commit().equals(commit)
                    || (release.commits() != null
                            && !release.removes(previous)
                            && release.commits().contains(commit));
            if (adds) {
                return true;
            }
        }
        return false;
    }
}
