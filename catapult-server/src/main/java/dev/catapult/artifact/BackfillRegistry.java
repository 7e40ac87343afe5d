package dev.catapult.artifact;

/** The {@code backfill} job's payload: bring the whole catalogue of one registry in. */
public record BackfillRegistry(String registry) {}
