package dev.catapult.cli.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChangelogTest {

    private static List<String> lines(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "line " + i).toList();
    }

    @Test
    void fiftyLinesAreKeptWhole() {
        assertThat(Changelog.truncate(lines(50))).isEqualTo(lines(50));
    }

    @Test
    void beyondFiftyLinesTheFirst47AMarkerAndTheLast2AreKept() {
        List<String> kept = Changelog.truncate(lines(120));

        assertThat(kept).hasSize(50);
        assertThat(kept.subList(0, 47)).isEqualTo(lines(47));
        assertThat(kept.get(47)).isEqualTo("… 71 commits omitted …");
        assertThat(kept.subList(48, 50)).containsExactly("line 119", "line 120");
    }

    @Test
    void fiftyOneLinesOmitTwo() {
        assertThat(Changelog.truncate(lines(51)).get(47)).isEqualTo("… 2 commits omitted …");
    }

    @Test
    void truncationKeepsTheCommitListComplete() {
        List<CommitInfo> commits = IntStream.range(0, 60)
                .mapToObj(i -> new CommitInfo(String.format("%040x", i), "change " + i, "Ada"))
                .toList();
        ChangeSet changes =
                new ChangeSet(ChangeSet.Kind.FORWARD, commits.getFirst().sha(), "f".repeat(40), commits);

        assertThat(Changelog.of(changes).lines()).hasSize(50);
        assertThat(changes.shas()).hasSize(60);
    }

    @Test
    void lineShowsShortShaSubjectAndAuthor() {
        assertThat(Changelog.line(
                        new CommitInfo("0123456789abcdef0123456789abcdef01234567", "Fix the thing", "Grace Hopper")))
                .isEqualTo("0123456 Fix the thing (Grace Hopper)");
    }
}
