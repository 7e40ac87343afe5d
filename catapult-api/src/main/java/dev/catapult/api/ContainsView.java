package dev.catapult.api;

/**
 * {@code GET …/releases/{version}/contains?commit=}: {@code contains} is the JSON value {@code true},
 * {@code false} or the string {@code "unknown"} (the server lacks the commit lists to tell).
 */
public record ContainsView(String app, long version, String commit, Object contains) {}
