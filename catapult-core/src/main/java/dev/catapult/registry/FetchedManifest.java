package dev.catapult.registry;

import dev.catapult.release.Digest;

/** A manifest's raw bytes as served, with the digest they hash to and the served media type. */
public record FetchedManifest(Digest digest, String mediaType, byte[] bytes) {}
