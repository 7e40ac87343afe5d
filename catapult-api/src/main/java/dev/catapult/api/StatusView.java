package dev.catapult.api;

import java.util.List;

/**
 * {@code GET /api/v1/status}: the apps × environments matrix. {@code environments} are ordered by rank;
 * {@code entries} hold one cell per app and environment.
 */
public record StatusView(List<String> environments, List<StatusEntry> entries) {}
