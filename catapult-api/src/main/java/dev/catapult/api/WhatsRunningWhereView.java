package dev.catapult.api;

import java.util.List;

/** {@code GET /api/v1/whats-running-where}: per app and environment, ordered by app then environment rank. */
public record WhatsRunningWhereView(List<WhatsRunningWhereEntry> entries) {}
