package dev.catapult.artifact;

/** A tar entry name after {@link TarPaths#normalise}: a safe relative path, or why it was refused. */
public sealed interface NormalisedPath {

    /**
     * A relative path with no leading slash, no empty, {@code .} or {@code ..} segment and no trailing slash;
     * the empty string is the layer's root directory ({@code ./}).
     */
    record Safe(String path) implements NormalisedPath {}

    /** The name cannot be trusted: absolute, escapes the root, control characters, too long. */
    record Refused(String reason) implements NormalisedPath {}
}
