package dev.catapult.watch;

import dev.catapult.watch.TagOrder.Reading;
import java.util.Optional;

/** Ranks whole tags by SemVer precedence for the {@code semver*} policies, within the policy's bound. */
record SemverOrder(WatchPolicy.Semver policy) implements TagOrder<SemVerTag> {

    @Override
    public Reading<SemVerTag> read(String tag) {
        return SemVerTag.parse(tag)
                .<Reading<SemVerTag>>map(Reading.Key::new)
                .orElseGet(() -> new Reading.NoKey<>("is not a SemVer version (MAJOR.MINOR.PATCH)"));
    }

    @Override
    public Optional<String> ineligible(SemVerTag key) {
        return TagOrder.preReleaseRejection(key, policy.allowPrerelease());
    }

    @Override
    public Optional<String> outOfRange(SemVerTag deployed, SemVerTag key) {
        if (policy.bound().admits(deployed, key)) {
            return Optional.empty();
        }
        return Optional.of(
                switch (policy.bound()) {
                    case SAME_MAJOR -> "is outside the deployed major version " + deployed.major();
                    case SAME_MINOR, NONE ->
                        "is outside the deployed minor version " + deployed.major() + "." + deployed.minor();
                });
    }
}
