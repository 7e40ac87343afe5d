package dev.catapult.watch;

import static dev.catapult.watch.Registry.NOW;
import static dev.catapult.watch.Registry.digest;
import static dev.catapult.watch.Registry.tags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.targets.WatchSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules every policy keeps: never the deployed image, never backwards, level-triggered, explained. */
class TagSelectionTest {
    private static final WatchPolicy SEMVER = policy("semver");

    private static WatchPolicy policy(String name) {
        return WatchPolicy.of(new WatchSpec(name, true, null, null, null, false, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"semver", "semver-major", "semver-minor", "semver-patch"})
    void aNewTagOnTheDeployedImageIsNotADeploy(String name) {
        Candidate retag = new Candidate("1.2.4", digest("running"), NOW);
        Selection selection = TagSelection.choose(
                policy(name),
                new Deployed("1.2.3", digest("running")),
                List.of(new Candidate("1.2.3", digest("running"), NOW), retag),
                NOW);
        assertThat(selection).isInstanceOf(Selection.NothingNewer.class);
    }

    @Test
    void anImageDeployedByDigestIsAsNewAsTheVersionTagsPointingAtIt() {
        Deployed byDigest = new Deployed(null, digest("1.3.0"));
        assertThat(TagSelection.choose(SEMVER, byDigest, tags("1.2.0 1.3.0"), NOW))
                .isEqualTo(new Selection.NothingNewer(
                        "the best eligible tag 1.3.0 is not newer than the deployed 1.3.0", List.of()));
        assertThat(Registry.outcome(TagSelection.choose(SEMVER, byDigest, tags("1.2.0 1.3.0 1.4.0"), NOW)))
                .isEqualTo("1.4.0");
    }

    @Test
    void anImageDeployedUnderAnAliasIsRankedByTheVersionTagsOfItsDigest() {
        Deployed asLatest = new Deployed("latest", digest("1.3.0"));
        assertThat(Registry.outcome(TagSelection.choose(SEMVER, asLatest, tags("1.2.0 1.3.0 latest"), NOW)))
                .isEqualTo("nothing");
    }

    @Test
    void theDeployedImageRanksAsItsHighestVersionTagEvenWhenThatTagIsFilteredOut() {
        // 1.2.3 is running; the same image was later also tagged 1.4.0, which the exclude hides.
        WatchPolicy excludes14 = WatchPolicy.of(new WatchSpec("semver", true, null, null, "^1\\.4", false, null, null));
        List<Candidate> registry = List.of(
                new Candidate("1.2.3", digest("a"), NOW),
                new Candidate("1.3.0", digest("b"), NOW),
                new Candidate("1.4.0", digest("a"), NOW));
        Selection selection = TagSelection.choose(excludes14, new Deployed("1.2.3", digest("a")), registry, NOW);
        assertThat(selection.why()).isEqualTo("the best eligible tag 1.3.0 is not newer than the deployed 1.4.0");
    }

    @Test
    void anUnknownDeployedImageWithoutAVersionIsReplacedByTheHighestEligibleTag() {
        Selection selection = TagSelection.choose(SEMVER, new Deployed(null, digest("gone")), tags("1.0.0 1.1.0"), NOW);
        assertThat(selection).isInstanceOfSatisfying(Selection.Chosen.class, chosen -> {
            assertThat(chosen.candidate().tag()).isEqualTo("1.1.0");
            assertThat(chosen.why())
                    .isEqualTo("1.1.0 is the best eligible tag and the deployed image has no tag to compare it with");
        });
    }

    @Test
    void turningAutoDeployBackOnCatchesUpInOneStep() {
        Selection selection = TagSelection.choose(
                policy("semver-minor"), Registry.deployed("1.0.0"), tags("1.0.0 1.1.0 1.2.0 1.3.0 1.4.0 2.0.0"), NOW);
        assertThat(selection).isInstanceOfSatisfying(Selection.Chosen.class, chosen -> {
            assertThat(chosen.candidate().tag()).isEqualTo("1.4.0");
            assertThat(chosen.why()).isEqualTo("1.4.0 is newer than the deployed 1.0.0");
            assertThat(chosen.skipped())
                    .containsExactly(new Selection.Skipped("2.0.0", "is outside the deployed major version 1"));
        });
    }

    @Test
    void equalVersionsAreSettledByFirstSeenThenTagWhateverTheListingOrder() {
        List<Candidate> registry = new ArrayList<>(List.of(
                new Candidate("1.2.3", digest("x"), NOW.minus(Duration.ofHours(2))),
                new Candidate("v1.2.3", digest("y"), NOW.minus(Duration.ofHours(1))),
                new Candidate("1.2.3-rc.1", digest("z"), NOW),
                new Candidate("1.0.0", digest("w"), NOW)));
        for (int i = 0; i < registry.size(); i++) {
            Collections.rotate(registry, 1);
            assertThat(Registry.outcome(TagSelection.choose(SEMVER, null, registry, NOW)))
                    .isEqualTo("v1.2.3");
        }
        List<Candidate> seenTogether =
                List.of(new Candidate("v1.2.3", digest("y"), NOW), new Candidate("1.2.3", digest("x"), NOW));
        assertThat(Registry.outcome(TagSelection.choose(SEMVER, null, seenTogether, NOW)))
                .isEqualTo("v1.2.3");
        assertThat(Registry.outcome(TagSelection.choose(SEMVER, null, seenTogether.reversed(), NOW)))
                .isEqualTo("v1.2.3");
    }

    @Test
    void everyPassedOverTagIsListedWithItsReason() {
        WatchPolicy watch = WatchPolicy.of(
                new WatchSpec("semver-patch", true, null, null, "-debug$", false, Duration.ofDays(1), null));
        Selection selection = TagSelection.choose(
                watch,
                Registry.deployed("1.2.3"),
                tags("latest 1.2 1.2.3 1.2.4-rc.1 1.2.5@3h 1.3.0 1.2.4 1.2.6-debug"),
                NOW);
        assertThat(selection).isInstanceOfSatisfying(Selection.Chosen.class, chosen -> {
            assertThat(chosen.candidate().tag()).isEqualTo("1.2.4");
            assertThat(chosen.skipped())
                    .containsExactly(
                            new Selection.Skipped("latest", "is not a SemVer version (MAJOR.MINOR.PATCH)"),
                            new Selection.Skipped("1.2", "is not a SemVer version (MAJOR.MINOR.PATCH)"),
                            new Selection.Skipped("1.2.4-rc.1", "is a pre-release (allowPrerelease is off)"),
                            new Selection.Skipped("1.2.5", "first seen 3h ago, younger than minAge 1d"),
                            new Selection.Skipped("1.3.0", "is outside the deployed minor version 1.2"),
                            new Selection.Skipped("1.2.6-debug", "is a pre-release (allowPrerelease is off)"));
        });
    }

    @Test
    void anEmptyRegistryIsIneligibleSayingSo() {
        assertThat(TagSelection.choose(SEMVER, null, List.of(), NOW))
                .isEqualTo(new Selection.Ineligible("the registry lists no tags", List.of()));
    }

    @Test
    void nothingDeployedSaysSoWhenChoosing() {
        assertThat(TagSelection.choose(SEMVER, null, tags("1.0.0"), NOW).why())
                .isEqualTo("1.0.0 is the best eligible tag and nothing is deployed");
    }
}
