package dev.catapult.api;

/** Requests this server sent to a registry since it started, by kind. */
public record RegistryStatsView(
        String registry,
        long headManifest,
        long getManifest,
        long tagList,
        long catalog,
        long blob,
        long token,
        long total) {}
