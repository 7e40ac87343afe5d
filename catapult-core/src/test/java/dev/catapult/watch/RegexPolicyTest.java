package dev.catapult.watch;

import static dev.catapult.watch.Registry.NOW;
import static dev.catapult.watch.Registry.deployed;
import static dev.catapult.watch.Registry.outcome;
import static dev.catapult.watch.Registry.tags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.targets.WatchSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision tables for the {@code regex} policy under each {@code order}. */
class RegexPolicyTest {

    @ParameterizedTest(name = "/{0}/ by {1}: deployed {2}, registry [{3}], prereleases {4} ⇒ {5}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      # include              | order   | deployed      | registry                                               | pre   | wanted
      # numeric: integer order; captures that are not all digits are ineligible
      ^build-(\\d+)$           | numeric | none          | build-9 build-10 build-x latest                        | false | build-10
      ^build-(.+)$             | numeric | none          | build-9 build-x                                        | false | build-9
      ^build-(.+)$             | numeric | none          | build-x build-1e3 build--1                             | false | ineligible
      ^build-(\\d+)$           | numeric | build-10      | build-9 build-10                                       | false | nothing
      ^build-(\\d+)$           | numeric | build-10      | build-9 build-10 build-11                              | false | build-11
      ^build-(\\d+)$           | numeric | none          | build-007 build-10                                     | false | build-10
      ^build-(\\d+)$           | numeric | none          | build-99999999999999999999 build-100000000000000000000 | false | build-100000000000000000000
      ^build(?:-(\\d+))?$      | numeric | none          | build build-3                                          | false | build-3
      # lexical: plain string order of the capture
      ^build-(\\d+)$           | lexical | none          | build-9 build-10                                       | false | build-9
      ^(\\d{4}-\\d{2}-\\d{2})$ | lexical | 2024-01-02    | 2024-01-01 2024-01-02 2024-01-03 latest                | false | 2024-01-03
      ^(\\d{4}-\\d{2}-\\d{2})$ | lexical | 2024-01-03    | 2024-01-01 2024-01-02                                  | false | nothing
      ^main-(.*)$              | lexical | none          | main-b main-a main-                                    | false | main-b
      # semver: SemVer precedence of the capture; pre-releases only with allowPrerelease
      ^app-(.*)$               | semver  | none          | app-1.2.0 app-1.10.0 app-1.11.0-rc.1 app-latest        | false | app-1.10.0
      ^app-(.*)$               | semver  | none          | app-1.2.0 app-1.10.0 app-1.11.0-rc.1 app-latest        | true  | app-1.11.0-rc.1
      ^app-(.*)$               | semver  | app-1.10.0    | app-1.2.0 app-1.10.0                                   | false | nothing
      ^app-(.*)$               | semver  | none          | app-1 app-1.2 app-latest                               | false | ineligible
      ^release-(.+)$           | none    | none          | release-1.9.0 release-1.10.0                           | false | release-1.10.0
      ^(.+)-alpine$            | semver  | 1.25.0-alpine | 1.25.0-alpine 1.26.1-alpine 1.27.0 1.27.0-bookworm     | false | 1.26.1-alpine
      # the group named version orders, not the first group
      ^(\\d+)-(?<version>.+)$  | semver  | none          | 20240101-1.2.0 20230101-1.3.0                          | false | 20230101-1.3.0
      ^(\\d+)-(?<version>.+)$  | numeric | none          | 1-20 2-3                                               | false | 1-20
      """)
    void ordersCandidatesByTheirCaptureGroup(
            String include, String order, String deployedTag, String registry, boolean allowPrerelease, String wanted) {
        WatchPolicy watch =
                WatchPolicy.of(new WatchSpec("regex", true, null, include, null, allowPrerelease, null, order));
        assertThat(outcome(TagSelection.choose(watch, deployed(deployedTag), tags(registry), NOW)))
                .isEqualTo(wanted);
    }

    @Test
    void excludeAndMinAgeApplyToRegexCandidatesToo() {
        WatchPolicy watch = WatchPolicy.of(
                new WatchSpec("regex", true, null, "^build-(\\d+)$", "-13$", false, Duration.ofHours(1), "numeric"));
        Selection selection = TagSelection.choose(watch, null, tags("build-11 build-12 build-13 build-14@10m"), NOW);
        assertThat(outcome(selection)).isEqualTo("build-12");
        assertThat(selection.skipped())
                .containsExactly(
                        new Selection.Skipped("build-13", "matches exclude /-13$/"),
                        new Selection.Skipped("build-14", "first seen 10m ago, younger than minAge 1h"));
    }

    @Test
    void tagsOutsideTheIncludeAreSkippedSayingSo() {
        WatchPolicy watch =
                WatchPolicy.of(new WatchSpec("regex", true, null, "^build-(.+)$", null, false, null, "numeric"));
        Selection selection = TagSelection.choose(watch, null, tags("latest build-x"), NOW);
        assertThat(selection).isInstanceOf(Selection.Ineligible.class);
        assertThat(selection.why()).isEqualTo("none of the 2 tags is eligible");
        assertThat(selection.skipped())
                .isEqualTo(List.of(
                        new Selection.Skipped("latest", "does not match include /^build-(.+)$/"),
                        new Selection.Skipped("build-x", "captured 'x', which is not a number")));
    }
}
