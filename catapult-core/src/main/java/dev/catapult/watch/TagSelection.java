package dev.catapult.watch;

import dev.catapult.release.Digest;
import dev.catapult.watch.Selection.Skipped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which image a target should run under its watch policy (SPEC §6). The decision is level-triggered: it looks at
 * the registry's tags as they are now and at what is deployed, never at what happened in between, so turning
 * auto-deploy back on catches up with everything pushed meanwhile.
 *
 * <p>Rules that hold for every policy:
 *
 * <ul>
 *   <li>the image already deployed (same digest) is never chosen;
 *   <li>the {@link TagFilter} applies: {@code include} matches the whole tag, {@code exclude} matches nowhere in
 *       it, and the tag has pointed at its digest for at least {@code minAge};
 *   <li>ordered policies ({@code semver*}, {@code regex}) never choose a tag that does not rank strictly above
 *       the deployed one (see {@link RankedChoice} for how the deployed rank is found);
 *   <li>{@code semver*} policies only ever choose full {@code MAJOR.MINOR.PATCH} tags ({@link SemVerTag}):
 *       aliases such as {@code latest}, {@code 1} or {@code 1.2} are passed over.
 * </ul>
 *
 * <p>Whether the chosen image is then deployed (auto-deploy on, no active {@link Hold}, not deployed to the
 * target before) is the caller's business.
 */
public final class TagSelection {

    private TagSelection() {}

    /**
     * @param policy the target's policy
     * @param deployed what the target runs now; {@code null} when nothing is deployed
     * @param candidates the tags the registry lists now
     * @param now the evaluation time, for {@code minAge}
     */
    public static Selection choose(
            WatchPolicy policy, @Nullable Deployed deployed, List<Candidate> candidates, Instant now) {
        return switch (policy) {
            case WatchPolicy.Pinned pinned -> pinned(pinned, deployed, candidates, now);
            case WatchPolicy.Semver semver ->
                RankedChoice.choose(new SemverOrder(semver), semver.filter(), deployed, candidates, now);
            case WatchPolicy.Regex regex ->
                RankedChoice.choose(CaptureOrder.of(regex), regex.filter(), deployed, candidates, now);
        };
    }

    /** The pinned tag wins whenever it points at a digest other than the deployed one, older or not. */
    private static Selection pinned(
            WatchPolicy.Pinned policy, @Nullable Deployed deployed, List<Candidate> candidates, Instant now) {
        String tag = policy.tag();
        Optional<Candidate> found =
                candidates.stream().filter(c -> c.tag().equals(tag)).max(Comparator.comparing(Candidate::firstSeenAt));
        if (found.isEmpty()) {
            return new Selection.Ineligible("the pinned tag " + tag + " is not in the registry", List.of());
        }
        Candidate candidate = found.get();
        Optional<String> rejection = policy.filter().rejection(candidate, now);
        if (rejection.isPresent()) {
            return new Selection.Ineligible(
                    "the pinned tag " + tag + " " + rejection.get(), List.of(new Skipped(tag, rejection.get())));
        }
        if (deployed != null && deployed.digest().equals(candidate.digest())) {
            return new Selection.NothingNewer(
                    tag + " still points at the deployed " + brief(deployed.digest()), List.of());
        }
        String why = tag + " points at " + brief(candidate.digest())
                + (deployed == null ? " and nothing is deployed" : ", not the deployed " + brief(deployed.digest()));
        return new Selection.Chosen(candidate, why, List.of());
    }

    /** {@code sha256:} and the first 12 hex digits, as registries and {@code docker images} abbreviate. */
    private static String brief(Digest digest) {
        return digest.value().substring(0, "sha256:".length() + 12);
    }
}
