package dev.catapult.watch;

import dev.catapult.app.ImageRepository;
import dev.catapult.release.CommitSha;
import dev.catapult.release.Digest;
import dev.catapult.release.ImageReference;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one evaluation of a watched target decides (SPEC §6): whether automation deploys, and if not, why not.
 * The order of the rules is the order of {@link #decide}: a hold (I5) stops everything; without a registry
 * there is nothing to look at; then {@link TagSelection} picks the image the policy wants; a chosen image is
 * only deployed with auto-deploy on, never twice to the same target, and only when a release can say which
 * commit it is — an existing release of that image, or the image's revision label.
 */
public sealed interface WatchDecision {

    /** For people: why the evaluation ended this way. */
    String why();

    /** An active hold pauses automation until a human releases it or it expires. */
    record Held(Hold hold) implements WatchDecision {
        @Override
        public String why() {
            return "held by " + hold.by() + ": " + hold.reason();
        }
    }

    /** No configured registry serves the app's repository, so there are no tags to follow. */
    record NoRegistry(ImageRepository repository) implements WatchDecision {
        @Override
        public String why() {
            return "no registry is configured for " + repository.value();
        }
    }

    /** Eligible tags exist, but none improves on what runs. */
    record UpToDate(String why) implements WatchDecision {}

    /**
     * Nothing can be deployed: no tag is eligible under the policy ({@code candidate} null), or the chosen
     * {@code candidate} has no release and no commit to make one from.
     */
    record Ineligible(@Nullable Candidate candidate, String why) implements WatchDecision {}

    /** The policy chose {@code candidate}, but auto-deploy is off. */
    record Off(Candidate candidate) implements WatchDecision {
        @Override
        public String why() {
            return "would deploy " + candidate.tag() + " if auto-deploy were on";
        }
    }

    /** The chosen image was auto-deployed to this target before; automation never deploys an image twice. */
    record AlreadyDeployed(Candidate candidate) implements WatchDecision {
        @Override
        public String why() {
            return candidate.tag() + " (" + candidate.digest().value() + ") was auto-deployed here before";
        }
    }

    /**
     * Deploy {@code image} (the repository pinned to the candidate's digest) as {@code release}.
     *
     * @param why why this image, from the policy
     */
    record Deploy(Candidate candidate, ImageReference image, Release release, String why) implements WatchDecision {
        public Deploy {
            Objects.requireNonNull(image.digest(), "image must be pinned to a digest");
        }

        /** What the evaluation says once the deploy exists as {@code version}. */
        public String deploying(long version) {
            return "deploying " + candidate.tag() + " as v" + version;
        }
    }

    /** The release an auto-deploy deploys. */
    sealed interface Release {
        /** The app already has a release of this image: deploy that one. */
        record Existing(long version) implements Release {}

        /** Make a release (source {@code registry}) of the image, at the commit its revision label names. */
        record Create(CommitSha commit, String changelog) implements Release {}
    }

    /**
     * @param target the target, its policy and what it runs
     * @param registry the tags the registry lists now for the target's repository; {@code null} when no
     *     configured registry serves that repository
     * @param history what the ledger knows about those images
     * @param now the evaluation time (holds, {@code minAge})
     */
    static WatchDecision decide(
            WatchedTarget target, @Nullable List<WatchedImage> registry, ImageHistory history, Instant now) {
        Hold hold = target.hold();
        if (hold != null && HoldState.isActive(hold, now)) {
            return new Held(hold);
        }
        if (registry == null) {
            return new NoRegistry(target.repository());
        }
        Selection selection = TagSelection.choose(
                target.policy(),
                target.deployed(),
                registry.stream().map(WatchedImage::candidate).toList(),
                now);
        return switch (selection) {
            case Selection.NothingNewer n -> new UpToDate(n.why());
            case Selection.Ineligible i -> new Ineligible(null, i.why());
            case Selection.Chosen c -> chosen(target, registry, history, c);
        };
    }

    private static WatchDecision chosen(
            WatchedTarget target, List<WatchedImage> registry, ImageHistory history, Selection.Chosen chosen) {
        Candidate candidate = chosen.candidate();
        Digest digest = candidate.digest();
        if (!target.autoDeploy()) {
            return new Off(candidate);
        }
        if (history.autoDeployed().contains(digest)) {
            return new AlreadyDeployed(candidate);
        }
        ImageReference image = new ImageReference(target.repository(), null, digest);
        Long existing = history.releases().get(digest);
        if (existing != null) {
            return new Deploy(candidate, image, new Release.Existing(existing), chosen.why());
        }
        Optional<CommitSha> commit = registry.stream()
                .filter(i -> i.candidate().equals(candidate))
                .findFirst()
                .flatMap(i -> CommitSha.ifCanonical(i.revision()));
        if (commit.isEmpty()) {
            return new Ineligible(
                    candidate,
                    candidate.tag() + " has no org.opencontainers.image.revision label with a full commit id; "
                            + "create its release yourself (catapult release) to deploy it");
        }
        String changelog = "Automatic release of " + candidate.tag() + " ("
                + digest.value().substring("sha256:".length(), "sha256:".length() + 12) + ")";
        return new Deploy(candidate, image, new Release.Create(commit.get(), changelog), chosen.why());
    }
}
