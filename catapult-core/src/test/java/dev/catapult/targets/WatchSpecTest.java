package dev.catapult.targets;

import static dev.catapult.common.Refusals.onlyErrorOf;
import static dev.catapult.targets.DeployerSpecTest.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.common.InvalidInput;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WatchSpecTest {

    @Test
    void noWatchSettingsMeanNoWatch() {
        assertThat(WatchSpec.parse(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"semver", "semver-major", "semver-minor", "semver-patch"})
    void semverPoliciesNeedNothingElse(String policy) {
        WatchSpec spec = WatchSpec.parse(settings("policy", policy));

        assertThat(spec).isEqualTo(new WatchSpec(policy, false, null, null, null, false, null, null));
    }

    @Test
    void everySettingIsRead() {
        WatchSpec spec = WatchSpec.parse(settings(
                "policy",
                "regex",
                "autoDeploy",
                true,
                "include",
                "^v(\\d+)$",
                "exclude",
                "-rc",
                "allowPrerelease",
                true,
                "minAge",
                "1h",
                "order",
                "numeric"));

        assertThat(spec)
                .isEqualTo(
                        new WatchSpec("regex", true, null, "^v(\\d+)$", "-rc", true, Duration.ofHours(1), "numeric"));
    }

    @Test
    void pinnedPolicyFollowsItsTag() {
        assertThat(WatchSpec.parse(settings("policy", "pinned", "pinnedTag", "latest"))
                        .pinnedTag())
                .isEqualTo("latest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void pinnedPolicyWithoutTagIsRefused(String tag) {
        assertThat(onlyErrorOf(() -> WatchSpec.parse(settings("policy", "pinned", "pinnedTag", tag))))
                .isEqualTo(new InvalidInput.FieldError("watch.pinnedTag", "is required for the pinned policy"));
    }

    @Test
    void pinnedPolicyWithNoTagAtAllIsRefused() {
        assertThat(onlyErrorOf(() -> WatchSpec.parse(settings("policy", "pinned")))
                        .field())
                .isEqualTo("watch.pinnedTag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest please", "-rc", ".hidden", "v1:2", "ghcr.io/acme/api:latest"})
    void pinnedTagMustBeAnImageTag(String tag) {
        assertThat(onlyErrorOf(() -> WatchSpec.parse(settings("policy", "pinned", "pinnedTag", tag)))
                        .field())
                .isEqualTo("watch.pinnedTag");
    }

    @Test
    void pinnedTagOfMoreThan128CharactersIsRefused() {
        assertThat(onlyErrorOf(() -> WatchSpec.parse(settings("policy", "pinned", "pinnedTag", "t".repeat(129))))
                        .field())
                .isEqualTo("watch.pinnedTag");
    }

    @Test
    void missingPolicyIsRequired() {
        assertThat(onlyErrorOf(() -> WatchSpec.parse(settings("autoDeploy", true))))
                .isEqualTo(new InvalidInput.FieldError("watch.policy", "is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "SEMVER", "semver-any", "tag"})
    void unknownPolicyIsRefusedListingThePolicies(String policy) {
        InvalidInput.FieldError error = onlyErrorOf(() -> WatchSpec.parse(settings("policy", policy)));

        assertThat(error.field()).isEqualTo("watch.policy");
        assertThat(error.message())
                .isEqualTo("'" + policy
                        + "' is not one of pinned, regex, semver, semver-major, semver-minor, semver-patch");
    }

    @Test
    void regexPolicyNeedsAnInclude() {
        assertThat(onlyErrorOf(() -> WatchSpec.parse(settings("policy", "regex"))))
                .isEqualTo(new InvalidInput.FieldError("watch.include", "is required for the regex policy"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
      include | (unclosed
      include | [a-
      exclude | *rc
      exclude | a{2,1}
      """)
    void invalidRegularExpressionIsRefusedNamingItsField(String key, String regex) {
        assertThat(onlyErrorOf(() -> WatchSpec.parse(settings("policy", "semver", key, regex))))
                .isEqualTo(new InvalidInput.FieldError("watch." + key, "is not a valid regular expression"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"include", "exclude"})
    void regularExpressionOf512CharactersIsAccepted(String key) {
        WatchSpec spec = WatchSpec.parse(settings("policy", "semver", key, "a".repeat(512)));

        assertThat(spec.toMap()).containsEntry(key, "a".repeat(512));
    }

    @ParameterizedTest
    @ValueSource(strings = {"include", "exclude"})
    void regularExpressionOver512CharactersIsRefused(String key) {
        assertThat(onlyErrorOf(() -> WatchSpec.parse(settings("policy", "semver", key, "a".repeat(513)))))
                .isEqualTo(new InvalidInput.FieldError("watch." + key, "is longer than 512 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"semver", "lexical", "numeric"})
    void knownOrdersAreAccepted(String order) {
        assertThat(WatchSpec.parse(settings("policy", "regex", "include", "(.*)", "order", order))
                        .order())
                .isEqualTo(order);
    }

    @Test
    void unknownOrderIsRefused() {
        assertThat(onlyErrorOf(() -> WatchSpec.parse(settings("policy", "regex", "include", "(.*)", "order", "date")))
                        .field())
                .isEqualTo("watch.order");
    }

    @Test
    void minAgeIsADuration() {
        assertThat(WatchSpec.parse(settings("policy", "semver", "minAge", "2d")).minAge())
                .isEqualTo(Duration.ofDays(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "a while"})
    void invalidMinAgeIsRefusedNamingIt(String text) {
        assertThat(onlyErrorOf(() -> WatchSpec.parse(settings("policy", "semver", "minAge", text)))
                        .field())
                .isEqualTo("watch.minAge");
    }

    @Test
    void unknownSettingIsRefusedNamingIt() {
        InvalidInput.FieldError error =
                onlyErrorOf(() -> WatchSpec.parse(settings("policy", "semver", "tag", "latest")));

        assertThat(error.field()).isEqualTo("watch.tag");
        assertThat(error.message()).startsWith("is not a known setting (known: allowPrerelease, autoDeploy, exclude,");
    }

    @Test
    void autoDeployMustBeABoolean() {
        assertThat(onlyErrorOf(() -> WatchSpec.parse(settings("policy", "semver", "autoDeploy", "true"))))
                .isEqualTo(new InvalidInput.FieldError("watch.autoDeploy", "must be true or false"));
    }

    @Test
    void storedSettingsParseBackToTheSameSpec() {
        WatchSpec spec =
                new WatchSpec("regex", true, "stable", "^(\\d+)$", "rc", true, Duration.ofMinutes(90), "numeric");

        Map<String, Object> stored = spec.toMap();

        assertThat(WatchSpec.parse(stored)).isEqualTo(spec);
        assertThat(stored).containsEntry("minAge", "PT1H30M");
    }

    @Test
    void unsetOptionalSettingsAreLeftOutWhenStored() {
        assertThat(WatchSpec.parse(settings("policy", "semver")).toMap())
                .containsOnlyKeys("policy", "autoDeploy", "allowPrerelease");
    }
}
