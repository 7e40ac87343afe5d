package dev.catapult.artifact;

import java.util.List;

/**
 * Which files a layer scan extracts, and the caps that keep a scan bounded.
 *
 * @param include globs ({@link Glob}) a normalised path must match to be of interest
 * @param skippedPrefixes plain string prefixes of normalised paths never extracted even when they match
 *     ({@code usr/}: distribution packages, which the OS package database describes better)
 * @param maxFileBytes a file of interest larger than this is recorded as skipped, never read
 * @param maxLayerBytes scanning stops (truncated) before reading past this many uncompressed tar bytes
 * @param maxExtractedBytes total content kept per layer: a scan's result lives in memory, so a layer of a
 *     thousand 4 MiB {@code package.json} files must not be able to exhaust the heap
 */
public record FileRules(
        List<String> include,
        List<String> skippedPrefixes,
        long maxFileBytes,
        long maxLayerBytes,
        long maxExtractedBytes) {

    public static final List<String> DEFAULT_INCLUDE = List.of(
            "**/package.json",
            "**/package-lock.json",
            "**/pom.xml",
            "**/*.deps.json",
            "**/go.mod",
            "**/requirements*.txt",
            "**/Gemfile.lock",
            "**/*.spdx.json",
            "**/*.cdx.json");
    public static final List<String> DEFAULT_SKIPPED_PREFIXES = List.of("usr/");
    public static final long DEFAULT_MAX_FILE_BYTES = 4L << 20;
    public static final long DEFAULT_MAX_LAYER_BYTES = 4L << 30;
    public static final long DEFAULT_MAX_EXTRACTED_BYTES = 32L << 20;

    /** What a path is to these rules. */
    public enum Interest {
        /** Matches a glob and is not under a skipped prefix: extract it. */
        WANTED,
        /** Matches a glob but lies under a skipped prefix: record it as skipped. */
        SKIPPED_PREFIX,
        /** Matches no glob. */
        NONE
    }

    public FileRules {
        include = List.copyOf(include);
        skippedPrefixes = List.copyOf(skippedPrefixes);
        include.forEach(Glob::of);
        if (maxFileBytes < 0 || maxLayerBytes < 0 || maxExtractedBytes < 0) {
            throw new IllegalArgumentException("size caps must not be negative");
        }
    }

    public static FileRules defaults() {
        return new FileRules(
                DEFAULT_INCLUDE,
                DEFAULT_SKIPPED_PREFIXES,
                DEFAULT_MAX_FILE_BYTES,
                DEFAULT_MAX_LAYER_BYTES,
                DEFAULT_MAX_EXTRACTED_BYTES);
    }

    public FileRules withMaxFileBytes(long bytes) {
        return new FileRules(include, skippedPrefixes, bytes, maxLayerBytes, maxExtractedBytes);
    }

    public FileRules withMaxLayerBytes(long bytes) {
        return new FileRules(include, skippedPrefixes, maxFileBytes, bytes, maxExtractedBytes);
    }

    public FileRules withMaxExtractedBytes(long bytes) {
        return new FileRules(include, skippedPrefixes, maxFileBytes, maxLayerBytes, bytes);
    }

    /** Whether a normalised path ({@link TarPaths#normalise}) is a file of interest to extract. */
    public boolean wants(String path) {
        return interest(path) == Interest.WANTED;
    }

    public Interest interest(String path) {
        if (path.isEmpty() || !matchesAnyGlob(path)) {
            return Interest.NONE;
        }
        for (String prefix : skippedPrefixes) {
            if (path.startsWith(prefix)) {
                return Interest.SKIPPED_PREFIX;
            }
        }
        return Interest.WANTED;
    }

    private boolean matchesAnyGlob(String path) {
        String[] segments = path.split("/", -1);
        for (String pattern : include) {
            if (Glob.of(pattern).matches(segments)) {
                return true;
            }
        }
        return false;
    }
}
