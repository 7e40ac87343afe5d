package dev.catapult.artifact;

/**
 * A file of interest taken out of a layer: its normalised path (relative, no leading slash), size,
 * SHA-256 (hex) and content.
 */
public record ExtractedFile(String path, long size, String sha256, byte[] content) {}
