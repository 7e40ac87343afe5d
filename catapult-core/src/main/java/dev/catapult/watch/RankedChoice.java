package dev.catapult.watch;

import dev.catapult.watch.Selection.Skipped;
import dev.catapult.watch.TagOrder.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The decision shared by the ordered policies: the highest eligible candidate, if it ranks above what is deployed
 * and is not the deployed image.
 *
 * <p>The baseline is the highest key among the deployed tag and every candidate tag that points at the deployed
 * digest: the running image is as new as the newest version any of its tags claims, which also covers a deploy
 * by digest or under an alias tag such as {@code latest}. Without a baseline (nothing deployed, or nothing that
 * reads as a key) the highest eligible candidate wins and bounds do not apply.
 *
 * <p>A candidate must rank strictly above the baseline: an equal rank ({@code 1.2.3} re-pushed, or
 * {@code v1.2.3} beside {@code 1.2.3}) is not newer. Ties among candidates go to the most recently first-seen,
 * then the greater tag string, so the outcome never depends on the registry's listing order.
 */
final class RankedChoice {

    private RankedChoice() {}

    private record Ranked<K>(Candidate candidate, K key) {}

    private record Baseline<K>(K key, String tag) {}

    static <K extends Comparable<? super K>> Selection choose(
            TagOrder<K> order, TagFilter filter, @Nullable Deployed deployed, List<Candidate> candidates, Instant now) {
        Optional<Baseline<K>> baseline = baseline(order, deployed, candidates);
        Comparator<Ranked<K>> rank = Comparator.<Ranked<K>, K>comparing(Ranked::key)
                .thenComparing(r -> r.candidate().firstSeenAt())
                .thenComparing(r -> r.candidate().tag());
        List<Skipped> skipped = new ArrayList<>();
        Ranked<K> best = null;
        for (Candidate candidate : candidates) {
            switch (order.read(candidate.tag())) {
                case Reading.NoKey<K>(String reason) -> skipped.add(new Skipped(candidate.tag(), reason));
                case Reading.Key<K>(K key) -> {
                    Optional<String> rejection = order.ineligible(key)
                            .or(() -> filter.rejection(candidate, now))
                            .or(() -> baseline.flatMap(b -> order.outOfRange(b.key(), key)));
                    Ranked<K> ranked = new Ranked<>(candidate, key);
                    if (rejection.isPresent()) {
                        skipped.add(new Skipped(candidate.tag(), rejection.get()));
                    } else if (best == null || rank.compare(ranked, best) > 0) {
                        best = ranked;
                    }
                }
            }
        }
        if (best == null) {
            return new Selection.Ineligible(
                    candidates.isEmpty()
                            ? "the registry lists no tags"
                            : "none of the " + candidates.size() + " tags is eligible",
                    skipped);
        }
        String tag = best.candidate().tag();
        if (baseline.isPresent() && best.key().compareTo(baseline.get().key()) <= 0) {
            return new Selection.NothingNewer(
                    "the best eligible tag " + tag + " is not newer than the deployed "
                            + baseline.get().tag(),
                    skipped);
        }
        // Unreachable while the baseline includes every tag of the deployed digest; kept because never redeploying
        // the running image is the rule that matters most.
        if (deployed != null && best.candidate().digest().equals(deployed.digest())) {
            return new Selection.NothingNewer(tag + " is already deployed (same digest)", skipped);
        }
        String why = baseline.map(b -> tag + " is newer than the deployed " + b.tag())
                .orElseGet(() -> tag + " is the best eligible tag and "
                        + (deployed == null
                                ? "nothing is deployed"
                                : "the deployed image has no tag to compare it with"));
        return new Selection.Chosen(best.candidate(), why, skipped);
    }

    private static <K extends Comparable<? super K>> Optional<Baseline<K>> baseline(
            TagOrder<K> order, @Nullable Deployed deployed, List<Candidate> candidates) {
        if (deployed == null) {
            return Optional.empty();
        }
        List<String> tags = new ArrayList<>();
        if (deployed.tag() != null) {
            tags.add(deployed.tag());
        }
        candidates.stream()
                .filter(c -> c.digest().equals(deployed.digest()))
                .map(Candidate::tag)
                .forEach(tags::add);
        Baseline<K> baseline = null;
        for (String tag : tags) {
            if (order.read(tag) instanceof Reading.Key<K>(K key)
                    && (baseline == null || key.compareTo(baseline.key()) > 0)) {
                baseline = new Baseline<>(key, tag);
            }
        }
        return Optional.ofNullable(baseline);
    }
}
