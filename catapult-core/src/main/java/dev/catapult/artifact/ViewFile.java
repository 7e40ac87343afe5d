package dev.catapult.artifact;

/** A file of interest as the running image sees it, and the layer whose copy that is. */
public record ViewFile(String path, String layerDigest, long size, String sha256) {}
