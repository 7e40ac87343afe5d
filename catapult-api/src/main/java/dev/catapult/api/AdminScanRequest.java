package dev.catapult.api;

/** {@code POST /api/v1/admin/scan}: scan {@code repository:tag} (repository with its registry host). */
public record AdminScanRequest(String repository, String tag) {}
