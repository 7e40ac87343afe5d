package dev.catapult.release;

/**
 * Resolves an image tag to the digest it points at now, through the registry. Until a registry client is
 * configured (the registry integration), only digest references are accepted.
 */
public interface TagResolver {
    /**
     * @return the digest {@code reference}'s tag points at
     * @throws dev.catapult.common.InvalidInput when the tag does not exist or cannot be resolved
     */
    Digest resolve(ImageReference reference);
}
