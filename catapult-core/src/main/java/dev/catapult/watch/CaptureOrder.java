package dev.catapult.watch;

import dev.catapult.watch.TagOrder.Reading;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranks tags for the {@code regex} policy: the tag must match {@code include} as a whole, and the value of its
 * capture group is read under the policy's {@link RegexOrder}.
 */
final class CaptureOrder<K extends Comparable<? super K>> implements TagOrder<K> {
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final Pattern include;
    private final int group;
    private final Function<String, Reading<K>> value;
    private final Function<K, Optional<String>> ineligible;

    private CaptureOrder(
            WatchPolicy.Regex policy, Function<String, Reading<K>> value, Function<K, Optional<String>> ineligible) {
        this.include = policy.include();
        this.group = policy.captureGroup();
        this.value = value;
        this.ineligible = ineligible;
    }

    static TagOrder<?> of(WatchPolicy.Regex policy) {
        return switch (policy.order()) {
            case SEMVER ->
                new CaptureOrder<SemVerTag>(
                        policy, CaptureOrder::version, v -> TagOrder.preReleaseRejection(v, policy.allowPrerelease()));
            case LEXICAL -> new CaptureOrder<String>(policy, Reading.Key::new, s -> Optional.empty());
            case NUMERIC -> new CaptureOrder<BigInteger>(policy, CaptureOrder::number, n -> Optional.empty());
        };
    }

    @Override
    public Reading<K> read(String tag) {
        Matcher m = include.matcher(tag);
        if (!m.matches()) {
            return new Reading.NoKey<>("does not match include /" + include.pattern() + "/");
        }
        String captured = m.group(group);
        if (captured == null) {
            return new Reading.NoKey<>("the capture group did not take part in the match");
        }
        return value.apply(captured);
    }

    @Override
    public Optional<String> ineligible(K key) {
        return ineligible.apply(key);
    }

    private static Reading<SemVerTag> version(String captured) {
        return SemVerTag.parse(captured)
                .<Reading<SemVerTag>>map(Reading.Key::new)
                .orElseGet(() -> new Reading.NoKey<>("captured '" + captured + "', which is not a SemVer version"));
    }

    private static Reading<BigInteger> number(String captured) {
        return DIGITS.matcher(captured).matches()
                ? new Reading.Key<>(new BigInteger(captured))
                : new Reading.NoKey<>("captured '" + captured + "', which is not a number");
    }
}
