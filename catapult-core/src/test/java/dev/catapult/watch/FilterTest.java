package dev.catapult.watch;

import static dev.catapult.watch.Registry.NOW;
import static dev.catapult.watch.Registry.deployed;
import static dev.catapult.watch.Registry.outcome;
import static dev.catapult.watch.Registry.tags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.common.Durations;
import dev.catapult.targets.WatchSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision tables for the {@code include}, {@code exclude} and {@code minAge} filters (under {@code semver}). */
class FilterTest {

    @ParameterizedTest(name = "include {0}, exclude {1}, minAge {2}: deployed {3}, registry [{4}] ⇒ {5}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      # include          | exclude   | minAge | deployed | registry                          | wanted
      none                 | none      | none   | none     | 1.0.0 1.5.0 2.0.0                 | 2.0.0
      # include must match the whole tag
      1\\.[0-9]+\\.[0-9]+   | none      | none   | none     | 1.0.0 1.5.0 2.0.0                 | 1.5.0
      1\\.                 | none      | none   | none     | 1.0.0 1.5.0 2.0.0                 | ineligible
      v.*                  | none      | none   | none     | 1.9.0 v1.2.0 v1.3.0               | v1.3.0
      v.*                  | none      | none   | 1.9.0    | 1.9.0 v1.2.0 v1.3.0               | nothing
      # exclude must not match anywhere
      none                 | ^2\\.     | none   | none     | 1.0.0 2.0.0                       | 1.0.0
      none                 | 5         | none   | none     | 1.4.0 1.5.0 1.15.2                | 1.4.0
      none                 | ^2\\.     | none   | 1.0.0    | 1.0.0 2.0.0                       | nothing
      [0-9.]+              | \\.0$     | none   | none     | 1.1.0 1.1.1 1.2.0                 | 1.1.1
      # minAge: first seen at least minAge before now
      none                 | none      | 1d     | none     | 1.0.0@3d 1.1.0@2h                 | 1.0.0
      none                 | none      | 1d     | 1.0.0    | 1.0.0@3d 1.1.0@2h                 | nothing
      none                 | none      | 1d     | 1.0.0    | 1.0.0@3d 1.1.0@1d                 | 1.1.0
      none                 | none      | 1d     | 1.0.0    | 1.0.0@3d 1.1.0@1439m              | nothing
      none                 | none      | 1d     | 1.0.0    | 1.0.0@3d 1.1.0@2d 1.2.0@1h        | 1.1.0
      none                 | none      | 2h     | none     | 1.0.0@1h 1.1.0@90m                | ineligible
      # filters together
      1\\..*               | rc        | 1h     | 1.0.0    | 1.0.0 1.1.0@2h 1.2.0@30m 2.0.0    | 1.1.0
      """)
    void filtersDecideWhichTagsAreEligible(
            String include, String exclude, String minAge, String deployedTag, String registry, String wanted) {
        WatchPolicy watch = WatchPolicy.of(new WatchSpec(
                "semver",
                true,
                null,
                include,
                exclude,
                false,
                minAge == null ? null : Durations.parse("minAge", minAge),
                null));
        assertThat(outcome(TagSelection.choose(watch, deployed(deployedTag), tags(registry), NOW)))
                .isEqualTo(wanted);
    }
}
