package dev.catapult.watch;

import static dev.catapult.watch.Registry.NOW;
import static dev.catapult.watch.Registry.digest;
import static dev.catapult.watch.Registry.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.common.Durations;
import dev.catapult.targets.WatchSpec;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code pinned} policy follows one mutable tag and wants whatever digest it points at now. */
class PinnedPolicyTest {

    @ParameterizedTest(name = "stable → {0}, deployed {1}@{2}, minAge {3} ⇒ {4}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      # stable points at | deployed tag | deployed digest | minAge | wanted
      new                | none         | none            | none   | stable
      new                | stable       | new             | none   | nothing
      new                | stable       | old             | none   | stable
      new                | 1.2.3        | new             | none   | nothing
      new                | none         | old             | none   | stable
      new                | stable       | old             | 1h     | ineligible
      new                | stable       | old             | 10m    | stable
      """)
    void theTagWinsWhenItsDigestDiffersFromTheDeployedOne(
            String pointsAt,
            @Nullable String deployedTag,
            @Nullable String deployedDigest,
            @Nullable String minAge,
            String wanted) {
        WatchPolicy watch = WatchPolicy.of(new WatchSpec(
                "pinned",
                true,
                "stable",
                null,
                null,
                false,
                minAge == null ? null : Durations.parse("minAge", minAge),
                null));
        List<Candidate> registry = List.of(
                new Candidate("stable", digest(pointsAt), NOW.minus(Duration.ofMinutes(30))),
                new Candidate("9.9.9", digest("newest"), NOW.minus(Duration.ofDays(2))));
        Deployed deployed = deployedDigest == null ? null : new Deployed(deployedTag, digest(deployedDigest));
        assertThat(outcome(TagSelection.choose(watch, deployed, registry, NOW))).isEqualTo(wanted);
    }

    @Test
    void aPinnedTagMissingFromTheRegistryIsIneligible() {
        WatchPolicy watch = WatchPolicy.of(new WatchSpec("pinned", true, "stable", null, null, false, null, null));
        Selection selection = TagSelection.choose(watch, null, Registry.tags("latest 1.0.0 stable-1"), NOW);
        assertThat(selection)
                .isEqualTo(new Selection.Ineligible("the pinned tag stable is not in the registry", List.of()));
    }

    @Test
    void theReasonNamesBothDigests() {
        WatchPolicy watch = WatchPolicy.of(new WatchSpec("pinned", true, "stable", null, null, false, null, null));
        Candidate stable = new Candidate("stable", digest("b"), NOW);
        Selection selection = TagSelection.choose(watch, new Deployed("stable", digest("a")), List.of(stable), NOW);
        assertThat(selection)
                .isEqualTo(new Selection.Chosen(
                        stable,
                        "stable points at " + digest("b").value().substring(0, 19) + ", not the deployed "
                                + digest("a").value().substring(0, 19),
                        List.of()));
    }
}
