package dev.catapult.watch;

import static dev.catapult.watch.Registry.NOW;
import static dev.catapult.watch.Registry.deployed;
import static dev.catapult.watch.Registry.outcome;
import static dev.catapult.watch.Registry.tags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.targets.WatchSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision tables for {@code semver}, {@code semver-major}, {@code semver-minor} and {@code semver-patch}. */
class SemverPolicyTest {

    @ParameterizedTest(name = "{0}: deployed {1}, registry [{2}], prereleases {3} ⇒ {4}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      # policy     | deployed   | registry                                   | pre   | wanted
      # semver: anything newer, major bumps included
      semver       | none       | 1.0.0 1.2.0 1.10.0 latest 1 1.2            | false | 1.10.0
      semver       | 1.0.0      | 1.0.0 1.0.1 2.0.0                          | false | 2.0.0
      semver       | 1.9.0      | 1.9.0 1.10.0                               | false | 1.10.0
      semver       | 1.10.0     | 1.2.0 1.9.0 1.10.0                         | false | nothing
      semver       | 2.0.0      | 1.0.0 1.5.0 2.0.0                          | false | nothing
      semver       | 2.0.0      | 1.0.0 1.5.0                                | false | nothing
      semver       | 1.0.0      | 1.0.0 1.0.1 1.1.0 1.2.0 1.3.0 1.4.0 1.5.0  | false | 1.5.0
      semver       | 1.2.3      | 1.2.3 v1.2.3                               | false | nothing
      semver       | v1.0.0     | v1.0.0 v1.1.0 1.0.5                        | false | v1.1.0
      semver       | 1.0.5      | v1.0.0 v1.1.0 1.0.5                        | false | v1.1.0
      # alias tags are never versions; deployed under one, there is nothing to compare with
      semver       | none       | latest 1 1.2 1.2.3.4 01.2.3 1.2.3_build    | false | ineligible
      semver       | latest     | 1.0.0 1.1.0 latest                         | false | 1.1.0
      semver       | none       | -                                          | false | ineligible
      # pre-releases only with allowPrerelease; precedence per SemVer 2.0.0 §11
      semver       | 1.0.0      | 1.0.0 2.0.0-rc.1                           | false | nothing
      semver       | 1.0.0      | 1.0.0 2.0.0-rc.1                           | true  | 2.0.0-rc.1
      semver       | 1.0.0      | 1.0.0 2.0.0-rc.1 2.0.0                     | true  | 2.0.0
      # the deployed pre-release is itself ineligible without allowPrerelease, and so is everything here
      semver       | 2.0.0-rc.1 | 2.0.0-rc.1 2.0.0-rc.2                      | false | ineligible
      semver       | 2.0.0-rc.1 | 2.0.0-rc.1 2.0.0-rc.2                      | true  | 2.0.0-rc.2
      semver       | 2.0.0-rc.1 | 1.9.0 2.0.0-rc.1 2.0.0                     | false | 2.0.0
      semver       | 2.0.0-rc.1 | 1.9.0 2.0.0-rc.1                           | false | nothing
      semver       | none       | 1.0.0-alpha 1.0.0-beta                     | false | ineligible
      semver       | none       | 1.0.0-alpha 1.0.0-beta                     | true  | 1.0.0-beta
      semver       | none       | 1.0.0-alpha10 1.0.0-alpha9                 | true  | 1.0.0-alpha9
      semver       | none       | 1.0.0-beta.11 1.0.0-beta.2                 | true  | 1.0.0-beta.11
      semver       | 1.0.0-rc.1 | 1.0.0-rc.1 1.0.0                           | false | 1.0.0
      # semver-major: the same as semver
      semver-major | 1.0.0      | 1.0.0 1.1.0 2.0.0                          | false | 2.0.0
      semver-major | none       | 1.0.0 3.0.0-rc.1 2.0.0                     | false | 2.0.0
      semver-major | 3.0.0      | 1.0.0 2.0.0 3.0.0                          | false | nothing
      # semver-minor: newer versions within the deployed major
      semver-minor | 1.2.3      | 1.2.3 1.2.4 1.3.0 2.0.0                    | false | 1.3.0
      semver-minor | 1.9.0      | 1.9.0 2.0.0 2.1.0                          | false | nothing
      semver-minor | 1.2.3      | 2.0.0 3.0.0                                | false | ineligible
      semver-minor | none       | 1.2.3 1.3.0 2.0.0                          | false | 2.0.0
      semver-minor | 1.3.0      | 1.3.0 1.4.0-rc.1                           | false | nothing
      semver-minor | 1.3.0      | 1.3.0 1.4.0-rc.1 2.0.0-rc.1                | true  | 1.4.0-rc.1
      semver-minor | 0.9.0      | 0.9.0 0.10.0 1.0.0                         | false | 0.10.0
      semver-minor | v1.2.3     | v1.2.3 1.4.0 v2.0.0                        | false | 1.4.0
      semver-minor | 2.0.0-rc.1 | 1.9.0 2.0.0-rc.1 2.0.0 3.0.0               | false | 2.0.0
      # semver-patch: newer versions within the deployed major.minor
      semver-patch | 1.2.3      | 1.2.3 1.2.4 1.2.10 1.3.0 2.0.0             | false | 1.2.10
      semver-patch | 1.2.10     | 1.2.9 1.2.10 1.3.0                         | false | nothing
      semver-patch | 1.2.3      | 1.3.0                                      | false | ineligible
      semver-patch | none       | 1.2.3 1.3.0 2.0.0                          | false | 2.0.0
      semver-patch | v1.2.3     | v1.2.4 1.2.5 v1.3.0                        | false | 1.2.5
      semver-patch | 1.2.3      | 1.2.3 1.2.4-rc.1 1.2.4                     | true  | 1.2.4
      semver-patch | 1.2.3      | 1.2.3 1.2.4-rc.1 1.3.0                     | true  | 1.2.4-rc.1
      semver-patch | 1.2.3      | 1.2.3 1.2.4-rc.1 1.3.0                     | false | nothing
      """)
    void choosesTheHighestEligibleVersionAboveTheDeployedOne(
            String policy, String deployedTag, String registry, boolean allowPrerelease, String wanted) {
        WatchPolicy watch = WatchPolicy.of(new WatchSpec(policy, true, null, null, null, allowPrerelease, null, null));
        assertThat(outcome(TagSelection.choose(watch, deployed(deployedTag), tags(registry), NOW)))
                .isEqualTo(wanted);
    }
}
