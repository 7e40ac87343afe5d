package dev.catapult.registry;

import dev.catapult.release.Digest;

/** What {@code HEAD} on a manifest tells: its digest, media type and size. */
public record ManifestDescriptor(Digest digest, String mediaType, long size) {}
