package dev.catapult.watch;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.common.InvalidInput;
import dev.catapult.targets.WatchSpec;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatchPolicyTest {

    private static WatchSpec spec(
            String policy, @Nullable String pinned, @Nullable String include, @Nullable String order) {
        return new WatchSpec(policy, false, pinned, include, null, false, null, order);
    }

    @ParameterizedTest(name = "{0} stays within {1}")
    @CsvSource({"semver, NONE", "semver-major, NONE", "semver-minor, SAME_MAJOR", "semver-patch, SAME_MINOR"})
    void semverPoliciesDifferOnlyInTheirBound(String policy, WatchPolicy.Semver.Bound bound) {
        assertThat(WatchPolicy.of(spec(policy, null, null, null)))
                .isInstanceOfSatisfying(
                        WatchPolicy.Semver.class, s -> assertThat(s.bound()).isEqualTo(bound));
    }

    @ParameterizedTest(name = "order {0} ⇒ {1}")
    @CsvSource(
            nullValues = "none",
            value = {"semver, SEMVER", "lexical, LEXICAL", "numeric, NUMERIC", "none, SEMVER"})
    void regexOrderDefaultsToSemver(String order, RegexOrder expected) {
        assertThat(WatchPolicy.of(spec("regex", null, "^v(.+)$", order)))
                .isInstanceOfSatisfying(
                        WatchPolicy.Regex.class, r -> assertThat(r.order()).isEqualTo(expected));
    }

    @Test
    void theGroupNamedVersionIsTheOneOrderedBy() {
        WatchPolicy.Regex named =
                (WatchPolicy.Regex) WatchPolicy.of(spec("regex", null, "^(\\d+)-(?<version>.+)$", null));
        WatchPolicy.Regex plain = (WatchPolicy.Regex) WatchPolicy.of(spec("regex", null, "^(\\d+)-(.+)$", null));
        assertThat(named.captureGroup()).isEqualTo(2);
        assertThat(plain.captureGroup()).isEqualTo(1);
    }

    @Test
    void settingsStoredByWatchSpecCompileToTheSamePolicy() {
        WatchSpec stored = WatchSpec.parse(Map.of(
                "policy",
                "semver-minor",
                "include",
                "^v.*",
                "exclude",
                "-debug",
                "minAge",
                "2h",
                "allowPrerelease",
                true));
        assertThat(WatchPolicy.of(stored)).isInstanceOfSatisfying(WatchPolicy.Semver.class, s -> {
            assertThat(s.allowPrerelease()).isTrue();
            assertThat(s.filter().include()).hasToString("^v.*");
            assertThat(s.filter().exclude()).hasToString("-debug");
            assertThat(s.filter().minAge()).isEqualTo(Duration.ofHours(2));
        });
        assertThat(WatchPolicy.of(WatchSpec.parse(Map.of("policy", "pinned", "pinnedTag", "stable"))))
                .isEqualTo(new WatchPolicy.Pinned("stable", TagFilter.NONE));
    }

    @ParameterizedTest(name = "{0} / pinned {1} / include {2} / order {3} ⇒ {4}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      regex   | none | ^build-\\d+$ | none    | watch.include
      regex   | none | none         | none    | watch.include
      regex   | none | ^(.+)$       | random  | watch.order
      regex   | none | ([a-z        | none    | watch.include
      pinned  | none | none         | none    | watch.pinnedTag
      pinned  | ' '  | none         | none    | watch.pinnedTag
      newest  | none | none         | none    | watch.policy
      """)
    void settingsThatCannotMakeAPolicyAreRefusedNamingTheField(
            String policy, @Nullable String pinned, @Nullable String include, @Nullable String order, String field) {
        InvalidInput.FieldError error = onlyErrorOf(() -> WatchPolicy.of(spec(policy, pinned, include, order)));
        assertThat(error.field()).isEqualTo(field);
    }

    @Test
    void aRegexWithoutCaptureGroupIsRefusedWithAnExample() {
        assertThat(onlyErrorOf(() -> WatchPolicy.of(spec("regex", null, "^build-\\d+$", null)))
                        .message())
                .isEqualTo("needs a capture group holding the value to order by, e.g. ^build-(\\d+)$");
    }
}
