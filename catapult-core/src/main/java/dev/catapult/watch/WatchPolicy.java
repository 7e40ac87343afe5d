package dev.catapult.watch;

import dev.catapult.common.InvalidInput;
import dev.catapult.targets.WatchSpec;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A target's watch policy (SPEC §6), compiled from its stored {@link WatchSpec} and ready for
 * {@link TagSelection#choose}. Every policy applies its {@link TagFilter}.
 */
public sealed interface WatchPolicy {

    TagFilter filter();

    /**
     * Compiles {@code spec}. The policies:
     *
     * <ul>
     *   <li>{@code semver}, {@code semver-major}: any version newer than the deployed one, major bumps included
     *       (the two names mean the same; {@code semver-major} says so explicitly);
     *   <li>{@code semver-minor}: newer versions within the deployed major;
     *   <li>{@code semver-patch}: newer versions within the deployed major.minor;
     *   <li>{@code pinned}: the digest {@code pinnedTag} points at now;
     *   <li>{@code regex}: tags matching {@code include}, ordered by its capture group under {@code order}
     *       ({@link RegexOrder}; unset means {@code semver}).
     * </ul>
     *
     * <p>Pre-releases are eligible only with {@code allowPrerelease} (semver policies and regex ordered by semver).
     * {@code order} is ignored outside {@code regex}, {@code pinnedTag} outside {@code pinned}.
     *
     * @throws InvalidInput when the settings cannot make a policy (unknown policy, {@code pinned} without a tag,
     *     {@code regex} without an {@code include} that has a capture group)
     */
    static WatchPolicy of(WatchSpec spec) {
        TagFilter filter = TagFilter.of(spec.include(), spec.exclude(), spec.minAge());
        return switch (spec.policy()) {
            case "semver", "semver-major" -> new Semver(Semver.Bound.NONE, spec.allowPrerelease(), filter);
            case "semver-minor" -> new Semver(Semver.Bound.SAME_MAJOR, spec.allowPrerelease(), filter);
            case "semver-patch" -> new Semver(Semver.Bound.SAME_MINOR, spec.allowPrerelease(), filter);
            case "pinned" -> {
                String tag = spec.pinnedTag();
                if (tag == null || tag.isBlank()) {
                    throw new InvalidInput("watch.pinnedTag", "is required for the pinned policy");
                }
                yield new Pinned(tag, filter);
            }
            case "regex" -> {
                if (filter.include() == null) {
                    throw new InvalidInput("watch.include", "is required for the regex policy");
                }
                yield new Regex(RegexOrder.of(spec.order()), spec.allowPrerelease(), filter);
            }
            default -> throw new InvalidInput("watch.policy", "'" + spec.policy() + "' is not a watch policy");
        };
    }

    /** Follows SemVer versions newer than the deployed one, within {@code bound}. */
    record Semver(Bound bound, boolean allowPrerelease, TagFilter filter) implements WatchPolicy {
        public Semver {
            Objects.requireNonNull(bound, "bound");
            Objects.requireNonNull(filter, "filter");
        }

        /** How far a candidate may move from the deployed version. With nothing deployed there is no bound. */
        public enum Bound {
            /** Any newer version. */
            NONE,
            /** Newer versions with the deployed major. */
            SAME_MAJOR,
            /** Newer versions with the deployed major and minor. */
            SAME_MINOR;

            boolean admits(SemVerTag deployed, SemVerTag candidate) {
                return switch (this) {
                    case NONE -> true;
                    case SAME_MAJOR -> candidate.sameMajor(deployed);
                    case SAME_MINOR -> candidate.sameMinor(deployed);
                };
            }
        }
    }

    /** Follows one mutable tag: wants whatever digest it points at now. */
    record Pinned(String tag, TagFilter filter) implements WatchPolicy {
        public Pinned {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(filter, "filter");
        }
    }

    /**
     * Follows tags that match {@code filter().include()}, ordered by the value of its capture group: the group
     * named {@code version} if there is one, else the first.
     */
    record Regex(RegexOrder order, boolean allowPrerelease, TagFilter filter) implements WatchPolicy {
        public Regex {
            Objects.requireNonNull(order, "order");
            Pattern include = filter.include();
            if (include == null) {
                throw new InvalidInput("watch.include", "is required for the regex policy");
            }
            if (include.matcher("").groupCount() < 1) {
                throw new InvalidInput(
                        "watch.include", "needs a capture group holding the value to order by, e.g. ^build-(\\d+)$");
            }
        }

        /** The pattern tags must match; its capture group holds the value to order by. */
        public Pattern include() {
            return Objects.requireNonNull(filter.include());
        }

        /** The index of the capture group to order by: the one named {@code version} if any, else 1. */
        int captureGroup() {
            return include().namedGroups().getOrDefault("version", 1);
        }
    }
}
