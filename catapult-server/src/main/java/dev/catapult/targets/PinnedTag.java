package dev.catapult.targets;

/** A tag a watch pins ({@code policy: pinned}) on the image of an app: a mutable tag to re-check every poll. */
public record PinnedTag(String image, String tag) {}
