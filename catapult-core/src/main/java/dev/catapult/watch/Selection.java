package dev.catapult.watch;

import java.util.List;
import java.util.Objects;

/**
 * What a watch policy wants a target to run, from {@link TagSelection#choose}. Every outcome says why, and lists
 * the tags it passed over with the reason for each (an operator asking "why not 2.0.0?" finds the answer there).
 */
public sealed interface Selection {

    String why();

    /** Tags that were not eligible, in the registry's order. */
    List<Skipped> skipped();

    /** The target should run {@code candidate}, which is not what it runs now. */
    record Chosen(Candidate candidate, String why, List<Skipped> skipped) implements Selection {
        public Chosen {
            Objects.requireNonNull(candidate, "candidate");
            skipped = List.copyOf(skipped);
        }
    }

    /** Some tags are eligible, but none improves on what is deployed (or the best one is what is deployed). */
    record NothingNewer(String why, List<Skipped> skipped) implements Selection {
        public NothingNewer {
            skipped = List.copyOf(skipped);
        }
    }

    /** No tag is eligible under the policy: none listed, none a version, all filtered out, pinned tag absent. */
    record Ineligible(String why, List<Skipped> skipped) implements Selection {
        public Ineligible {
            skipped = List.copyOf(skipped);
        }
    }

    /** A tag passed over and why. */
    record Skipped(String tag, String reason) {}
}
