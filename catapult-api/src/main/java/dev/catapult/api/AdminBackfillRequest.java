package dev.catapult.api;

/** {@code POST /api/v1/admin/backfill}: catalogue every repository and tag of {@code registry}. */
public record AdminBackfillRequest(String registry) {}
