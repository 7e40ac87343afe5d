package dev.catapult.cli.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.cli.support.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitChangesTest {

    @TempDir
    Path dir;

    TestRepo repo;

    @BeforeEach
    void createRepository() {
        repo = TestRepo.init(dir);
    }

    @AfterEach
    void closeRepository() {
        repo.close();
    }

    private ChangeSet changes(String target, String previous, List<String> prefixes) {
        return GitChanges.between(repo.repository(), ObjectId.fromString(target), previous, prefixes);
    }

    @Test
    void firstReleaseListsOnlyTheReleasedCommit() {
        repo.commit("one");
        String two = repo.commit("two");

        ChangeSet changes = changes(two, null, List.of());

        assertThat(changes.kind()).isEqualTo(ChangeSet.Kind.FIRST);
        assertThat(changes.shas()).containsExactly(two);
        assertThat(Changelog.of(changes)).isEqualTo(two.substring(0, 7) + " two (Ada Lovelace)");
    }

    @Test
    void forwardReleaseListsNewCommitsNewestFirstExcludingThePreviousRelease() {
        String base = repo.commit("base");
        String a = repo.commit("add login");
        String b = repo.commit("fix typo");

        ChangeSet changes = changes(b, base, List.of());

        assertThat(changes.kind()).isEqualTo(ChangeSet.Kind.FORWARD);
        assertThat(changes.shas()).containsExactly(b, a);
        assertThat(Changelog.of(changes))
                .isEqualTo(b.substring(0, 7) + " fix typo (Ada Lovelace)\n" + a.substring(0, 7)
                        + " add login (Ada Lovelace)");
    }

    @Test
    void releasingAnAncestorOfThePreviousReleaseIsARollbackListingTheRemovedCommits() {
        String old = repo.commit("old");
        String x = repo.commit("feature x");
        String y = repo.commit("feature y");

        ChangeSet changes = changes(old, y, List.of());

        assertThat(changes.kind()).isEqualTo(ChangeSet.Kind.ROLLBACK);
        assertThat(changes.shas()).containsExactly(y, x);
        assertThat(changes.rollbackSummary())
                .isEqualTo("rolling back from " + y.substring(0, 7) + " to " + old.substring(0, 7)
                        + ", removing 2 commits");
        assertThat(Changelog.of(changes))
                .startsWith(changes.rollbackSummary() + ":\n" + y.substring(0, 7) + " feature y");
    }

    @Test
    void divergedHistoriesListTheCommitsOfTheNewSideOnly() {
        String base = repo.commit("base");
        String released = repo.commit("released on main");
        repo.checkoutNewBranch("hotfix", base);
        String fix = repo.commit("hotfix");

        ChangeSet changes = changes(fix, released, List.of());

        assertThat(changes.kind()).isEqualTo(ChangeSet.Kind.DIVERGED);
        assertThat(changes.shas()).containsExactly(fix);
    }

    @Test
    void pathFilterKeepsOnlyCommitsTouchingTheListedPrefixes() {
        String base = repo.commit("services/shop/a.txt", "shop base", "Ada Lovelace");
        String shop = repo.commit("services/shop/b.txt", "shop change", "Grace Hopper");
        repo.commit("services/billing/c.txt", "billing change", "Alan Turing");
        String lib = repo.commit("libs/common/d.txt", "common lib change", "Ada Lovelace");

        ChangeSet changes = changes(lib, base, List.of("services/shop", "libs/common"));

        assertThat(changes.shas()).containsExactly(lib, shop);
    }

    @Test
    void sameCommitAsThePreviousReleaseHasNoCommits() {
        String only = repo.commit("only");

        ChangeSet changes = changes(only, only, List.of());

        assertThat(changes.kind()).isEqualTo(ChangeSet.Kind.UNCHANGED);
        assertThat(changes.commits()).isEmpty();
    }

    @Test
    void previousCommitMissingFromTheCloneFallsBackToTheReleasedCommit() {
        String head = repo.commit("head");

        ChangeSet changes = changes(head, "1".repeat(40), List.of());

        assertThat(changes.kind()).isEqualTo(ChangeSet.Kind.PREVIOUS_UNKNOWN);
        assertThat(changes.shas()).containsExactly(head);
    }
}
