package dev.catapult.cli.release;

import java.util.ArrayList;
import java.util.List;

/**
 * The changelog text stored with a release: one {@code <sha7> <subject> (<author>)} line per commit,
 * truncated beyond 50 lines to the first 47, a marker and the last 2 so a huge release stays readable
 * while its first and last changes remain visible. The commit list itself is never truncated.
 */
public final class Changelog {

    static final int MAX_LINES = 50;
    static final int HEAD_LINES = 47;
    static final int TAIL_LINES = 2;

    private Changelog() {}

    public static String of(ChangeSet changes) {
        return switch (changes.kind()) {
            case UNCHANGED -> "no new commits since " + ChangeSet.shortSha(changes.previousCommit());
            // Only a path filter can empty a forward list: say so rather than store an empty changelog.
            case FORWARD, DIVERGED ->
                changes.commits().isEmpty()
                        ? "no commits touching the filtered paths since " + ChangeSet.shortSha(changes.previousCommit())
                        : String.join("\n", truncate(lines(changes.commits())));
            case ROLLBACK -> changes.rollbackSummary() + ":\n" + String.join("\n", truncate(lines(changes.commits())));
            default -> String.join("\n", truncate(lines(changes.commits())));
        };
    }

    public static String line(CommitInfo commit) {
        return commit.shortSha() + " " + commit.subject() + " (" + commit.author() + ")";
    }

    static List<String> lines(List<CommitInfo> commits) {
        return commits.stream().map(Changelog::line).toList();
    }

    static List<String> truncate(List<String> lines) {
        if (lines.size() <= MAX_LINES) {
            return lines;
        }
        int omitted = lines.size() - HEAD_LINES - TAIL_LINES;
        List<String> kept = new ArrayList<>(lines.subList(0, HEAD_LINES));
        kept.add("… " + omitted + " commits omitted …");
        kept.addAll(lines.subList(lines.size() - TAIL_LINES, lines.size()));
        return kept;
    }
}
