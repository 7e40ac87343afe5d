package dev.catapult.watch;

import java.util.Optional;

/**
 * How an ordered policy ({@code semver*}, {@code regex}) ranks tags: the key a tag carries, which keys may be
 * chosen, and how far a candidate may move from the deployed key. {@link RankedChoice} does the rest.
 *
 * @param <K> the rank key
 */
interface TagOrder<K extends Comparable<? super K>> {

    /** The key {@code tag} carries, or why it carries none. Read for candidates and the deployed tag alike. */
    Reading<K> read(String tag);

    /** Why a candidate with {@code key} may never be chosen (a pre-release, say), or empty. */
    default Optional<String> ineligible(K key) {
        return Optional.empty();
    }

    /** Why a candidate with {@code key} is out of reach from the {@code deployed} key, or empty. */
    default Optional<String> outOfRange(K deployed, K key) {
        return Optional.empty();
    }

    /** The outcome of reading a tag. */
    sealed interface Reading<K> {
        record Key<K>(K key) implements Reading<K> {}

        record NoKey<K>(String reason) implements Reading<K> {}
    }

    /** Pre-releases are chosen only when the policy allows them (SPEC §6). */
    static Optional<String> preReleaseRejection(SemVerTag version, boolean allowPrerelease) {
        return version.isPreRelease() && !allowPrerelease
                ? Optional.of("is a pre-release (allowPrerelease is off)")
                : Optional.empty();
    }
}
